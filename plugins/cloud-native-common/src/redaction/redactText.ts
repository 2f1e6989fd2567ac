import {
  isCredentialName,
  isHighEntropyToken,
  isKnownToken,
  KNOWN_TOKEN,
} from './credentialHeuristics';

/**
 * Stands in for every redacted value. Fixed, so it never tells a secret's
 * length or first characters.
 *
 * @public
 */
export const REDACTED = '<redacted>';

const PEM_PRIVATE_KEY =
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g;

// Header and payload of a JWT are base64url JSON, so both start with `eyJ` ('{"').
const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

// The authority of a URL runs to the last '@' before its path, as parsers read it.
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)@/gi;

const BEARER = /\b(Bearer\s+)([A-Za-z0-9\-._~+/]+=*)/gi;
const BASIC = /\b(Basic\s+)([A-Za-z0-9+/]{4,}={0,2})(?![A-Za-z0-9+/=])/g;

// `name=value`, `name: value`, `"name": "value"`, `--name=value`.
const PAIR =
  /([A-Za-z0-9_.-]+)(["']?[ \t]*[:=][ \t]*)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'&,;{}[\]()<>]+))/g;

// An env entry written out as YAML (`name: X` then `value: Y`) or JSON.
const YAML_ENV =
  /(\bname:[ \t]*["']?)([A-Za-z0-9_.-]+)(["']?[ \t]*\r?\n[ \t]*-?[ \t]*value:[ \t]*)([^\n]*)/g;
const JSON_ENV =
  /("name"\s*:\s*")([^"]+)("\s*,\s*"value"\s*:\s*)("(?:[^"\\]|\\.)*")/g;

const WORD = /[A-Za-z0-9+/=_-]{20,}/g;

// A lone `key:` is mostly a reference (`secretKeyRef: { key: token }`), not
// a secret; flags such as `--key` are judged where arguments are.
const BARE_KEY = /^["']?keys?$/i;

/** Values a credential-like name may hold that are no secret. */
const NOT_A_VALUE = /^(?:null|nil|none|true|false|undefined|\*+)$/i;

function looksLikeToken(word: string): boolean {
  return isKnownToken(word) || isHighEntropyToken(word);
}

function basicHoldsPassword(encoded: string): boolean {
  try {
    return atob(encoded).includes(':');
  } catch {
    return false;
  }
}

/**
 * The values of credential pairs. A pair whose name is no credential's gives
 * up only its name and separator, so `url: https://h/?token=x` still finds
 * the token pair inside its value.
 */
function redactPairs(text: string): string {
  const pair = new RegExp(PAIR.source, 'g');
  let out = '';
  let from = 0;
  for (let m = pair.exec(text); m !== null; m = pair.exec(text)) {
    const [match, name, separator, doubleQuoted, singleQuoted, bare] = m;
    const value = doubleQuoted ?? singleQuoted ?? bare ?? '';
    if (
      value === '' ||
      value === REDACTED ||
      NOT_A_VALUE.test(value) ||
      BARE_KEY.test(name) ||
      !isCredentialName(name)
    ) {
      pair.lastIndex = m.index + name.length + separator.length;
      continue;
    }
    let quote = '';
    if (doubleQuoted !== undefined) quote = '"';
    else if (singleQuoted !== undefined) quote = "'";
    out += `${text.slice(
      from,
      m.index,
    )}${name}${separator}${quote}${REDACTED}${quote}`;
    from = m.index + match.length;
  }
  return out + text.slice(from);
}

/** A path such as `/a/b` is judged by its segments, a token by itself. */
function redactWord(word: string): string {
  const slashes = word.split('/').length - 1;
  if (!word.startsWith('/') && slashes <= 2 && looksLikeToken(word)) {
    return REDACTED;
  }
  if (slashes === 0) return word;
  return word
    .split('/')
    .map(part => (looksLikeToken(part) ? REDACTED : part))
    .join('/');
}

/**
 * What a detector found in a text: a PEM private key, a JWT, the password of
 * a URL, a `Bearer` token, `Basic` credentials, the value of a pair whose
 * name is a credential's, a token of a well-known service, or a word that
 * looks random.
 *
 * @public
 */
export type CredentialKind =
  | 'private-key'
  | 'jwt'
  | 'url-password'
  | 'bearer-token'
  | 'basic-credentials'
  | 'named-credential'
  | 'service-token'
  | 'random-token';

interface RedactionStep {
  kind: CredentialKind;
  redact(text: string): string;
}

// In the order they apply: each step sees the text the previous ones left, so
// a JWT inside a URL password is redacted once, as a JWT.
const STEPS: readonly RedactionStep[] = [
  {
    kind: 'private-key',
    redact: text => text.replace(PEM_PRIVATE_KEY, REDACTED),
  },
  { kind: 'jwt', redact: text => text.replace(JWT, REDACTED) },
  {
    kind: 'url-password',
    redact: text =>
      text.replace(URL_USERINFO, (match, scheme: string, userinfo: string) =>
        userinfo.includes(':') || looksLikeToken(userinfo)
          ? `${scheme}${REDACTED}@`
          : match,
      ),
  },
  {
    kind: 'bearer-token',
    redact: text =>
      text.replace(BEARER, (match, scheme: string, token: string) =>
        token.length >= 8 && /[0-9\-._~+/=]/.test(token)
          ? `${scheme}${REDACTED}`
          : match,
      ),
  },
  {
    kind: 'basic-credentials',
    redact: text =>
      text.replace(BASIC, (match, scheme: string, token: string) =>
        basicHoldsPassword(token) ? `${scheme}${REDACTED}` : match,
      ),
  },
  {
    kind: 'named-credential',
    redact: text => {
      let out = text.replace(
        YAML_ENV,
        (match, lead: string, name: string, middle: string, value: string) =>
          isCredentialName(name) &&
          value.trim().replace(/^(["'])(.*)\1$/, '$2') !== REDACTED
            ? `${lead}${name}${middle}${REDACTED}`
            : match,
      );
      out = out.replace(
        JSON_ENV,
        (match, lead: string, name: string, middle: string) =>
          isCredentialName(name)
            ? `${lead}${name}${middle}"${REDACTED}"`
            : match,
      );
      return redactPairs(out);
    },
  },
  {
    kind: 'service-token',
    redact: text => text.replace(KNOWN_TOKEN, REDACTED),
  },
  { kind: 'random-token', redact: text => text.replace(WORD, redactWord) },
];

/**
 * Free text (a log line, a step summary, an error message, a serialized
 * object) with its credentials replaced by {@link REDACTED}: PEM private key
 * blocks, JWTs, the user and password of URLs, `Bearer` tokens, `Basic`
 * credentials, the values of `name=value` and `name: value` pairs (also
 * quoted, as JSON writes them, and env entries written as YAML or JSON)
 * whose name {@link isCredentialName | is a credential's}, tokens of
 * well-known services, and words that {@link isHighEntropyToken | look random}.
 *
 * @public
 */
export function redactText(text: string): string {
  if (text.length < 8) return text;
  return STEPS.reduce((out, step) => step.redact(out), text);
}

/**
 * The kinds of credential {@link redactText} finds in a text, each once, in
 * the order it looks for them; empty when it would leave the text as it is.
 * For checks that must say what they found without echoing it.
 *
 * @public
 */
export function credentialKinds(text: string): CredentialKind[] {
  if (text.length < 8) return [];
  const kinds: CredentialKind[] = [];
  let out = text;
  for (const step of STEPS) {
    const next = step.redact(out);
    if (next !== out) kinds.push(step.kind);
    out = next;
  }
  return kinds;
}
