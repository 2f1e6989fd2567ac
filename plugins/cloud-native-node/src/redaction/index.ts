// One implementation, in -common, since the browser-side healing engine
// redacts its diffs too; backends import it from here.
export {
  REDACTED,
  redactText,
  redactObject,
  redactStrings,
  isCredentialName,
  isHighEntropyToken,
  LAST_APPLIED_ANNOTATION,
  HIGH_ENTROPY_MIN_BITS,
  HIGH_ENTROPY_MIN_LENGTH,
} from '@cloud-native-platform/plugin-cloud-native-common';
export { redactingLogger } from './redactingLogger';
