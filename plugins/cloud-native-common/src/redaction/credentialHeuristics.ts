// What counts as a credential, by name and by value. The thresholds are
// measured in credentialHeuristics.test.ts against random tokens and against
// every env value, argument and annotation of the demo manifests.

/**
 * Shortest string the entropy rule judges. Random base62 or base64 tokens
 * this long are caught in 88% of cases, of 24 characters in 93%, of 32 in
 * 97%, of 40 in 99%; shorter ones are too easily confused with ordinary
 * words.
 *
 * @public
 */
export const HIGH_ENTROPY_MIN_LENGTH = 20;

/**
 * Least Shannon entropy, in bits per character, of a string the entropy rule
 * redacts. Random base62 or base64 strings of 20 or more characters measure
 * 3.9 to 5; strings of few repeated characters measure less.
 *
 * @public
 */
export const HIGH_ENTROPY_MIN_BITS = 3.5;

/** Parts of a name that make it a credential wherever they occur in it. */
const SECRET_FRAGMENTS = [
  'passw',
  'passphrase',
  'secret',
  'token',
  'credential',
  'dsn',
  'apikey',
  'accesskey',
  'privatekey',
];

/** Whole words of a name that make it a credential. */
const SECRET_WORDS = new Set(['pass', 'pwd', 'pw', 'pgpass', 'key', 'keys']);

/**
 * Last words of a name that say the value describes a credential rather than
 * holding it (`TOKEN_TTL`, `DB_SECRET_NAME`, `SSL_KEY_FILE`): the name alone
 * does not redact these, their value is judged like any other.
 */
const DESCRIPTOR_WORDS = new Set([
  'name',
  'file',
  'path',
  'dir',
  'url',
  'uri',
  'endpoint',
  'host',
  'ttl',
  'timeout',
  'header',
  'enabled',
]);

/** The words of a name: split at separators and at lower-to-upper case changes. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(w => w.toLowerCase());
}

/**
 * Whether the name of a variable, flag, key or annotation says its value is a
 * credential: it contains `passw`, `passphrase`, `secret`, `token`,
 * `credential`, `dsn`, `apikey`, `accesskey` or `privatekey` (case and
 * separators ignored), or has `pass`, `pwd`, `pw`, `key` or `keys` as one of
 * its words. `KEY` is matched as a word so `KEYCLOAK_URL` or `MONKEY_PATCH`
 * are not credentials while `API_KEY`, `apiKey` and `S3_KEY` are. A name whose
 * last word is a descriptor (`_NAME`, `_FILE`, `_PATH`, `_DIR`, `_URL`,
 * `_URI`, `_ENDPOINT`, `_HOST`, `_TTL`, `_TIMEOUT`, `_HEADER`, `_ENABLED`)
 * is not.
 *
 * @public
 */
export function isCredentialName(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0) return false;
  if (DESCRIPTOR_WORDS.has(words[words.length - 1])) return false;
  const joined = words.join('');
  return (
    SECRET_FRAGMENTS.some(f => joined.includes(f)) ||
    words.some(w => SECRET_WORDS.has(w))
  );
}

/** Shannon entropy of a string, in bits per character. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

// Parts of identifiers: acronyms, capitalised or lower-case words, numbers.
const IDENTIFIER_PART = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
const VOWEL = /[aeiouy]/i;
/** Common abbreviations written without vowels (`HttpClient`, `pkgSrc`). */
const VOWELLESS_WORDS = new Set([
  'http',
  'https',
  'html',
  'xml',
  'sql',
  'src',
  'pkg',
  'cfg',
  'ctx',
  'msg',
  'svc',
  'tls',
  'ssl',
  'dns',
  'rpc',
  'grpc',
  'crd',
  'pvc',
  'mgmt',
  'db',
]);

/**
 * Whether a word reads as an identifier made of words: each of its
 * lower-case parts longer than one letter has a vowel or is a common
 * abbreviation (`zipOpenNewFileInZip4_6`, `XMLHttpRequestV2`). Random
 * tokens almost never do (`q8Vt3Rk2Lp…` has `Vt`, `Rk`, `Lp`).
 */
function readsAsWords(word: string): boolean {
  return (word.match(IDENTIFIER_PART) ?? []).every(
    part =>
      !/[a-z]/.test(part) ||
      part.length < 2 ||
      VOWEL.test(part) ||
      VOWELLESS_WORDS.has(part.toLowerCase()),
  );
}

/** Token alphabets of base64, base64url and base62. */
const TOKEN_ALPHABET = /^[A-Za-z0-9+/=_-]+$/;

/**
 * Whether one word (no spaces) looks like a random secret: at least
 * {@link HIGH_ENTROPY_MIN_LENGTH} characters of a base64/base62 alphabet,
 * with upper case, lower case and digits, at least
 * {@link HIGH_ENTROPY_MIN_BITS} bits of entropy per character, and not
 * reading as an identifier made of words (`MyServiceAccountName2024`,
 * `zipOpenNewFileInZip4_6`: every part has a vowel). Hexadecimal strings
 * (hashes, checksums, UUIDs) have no upper and lower case together and are
 * never taken for secrets; a hex secret is caught by its name only.
 *
 * @public
 */
export function isHighEntropyToken(word: string): boolean {
  return (
    word.length >= HIGH_ENTROPY_MIN_LENGTH &&
    TOKEN_ALPHABET.test(word) &&
    /[A-Z]/.test(word) &&
    /[a-z]/.test(word) &&
    /[0-9]/.test(word) &&
    shannonEntropy(word) >= HIGH_ENTROPY_MIN_BITS &&
    !readsAsWords(word)
  );
}

/**
 * Tokens of well-known services, recognised by their fixed prefix: AWS
 * access key ids, GitHub, GitLab, Slack and Stripe tokens, Google API keys.
 */
export const KNOWN_TOKEN =
  /\b(?:(?:AKIA|ASIA)[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|glpat-[A-Za-z0-9_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|AIza[0-9A-Za-z_-]{35})\b/g;

/** Whether a whole word is a token of a well-known service. */
export function isKnownToken(word: string): boolean {
  KNOWN_TOKEN.lastIndex = 0;
  const match = KNOWN_TOKEN.exec(word);
  return match !== null && match[0] === word;
}
