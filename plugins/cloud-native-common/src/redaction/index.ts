export { REDACTED, credentialKinds, redactText } from './redactText';
export type { CredentialKind } from './redactText';
export {
  LAST_APPLIED_ANNOTATION,
  redactObject,
  redactStrings,
} from './redactObject';
export {
  HIGH_ENTROPY_MIN_BITS,
  HIGH_ENTROPY_MIN_LENGTH,
  isCredentialName,
  isHighEntropyToken,
} from './credentialHeuristics';
