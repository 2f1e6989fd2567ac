import {
  ANNOTATION_CLUSTERS,
  ANNOTATION_DR_CLUSTER,
  ANNOTATION_PREFIX,
} from './annotations';
import { ANNOTATIONS } from './annotationCatalog';

/**
 * One annotation whose value is wrong.
 *
 * @public
 */
export interface AnnotationProblem {
  key: string;
  message: string;
}

/**
 * Options of {@link validateAnnotations}.
 *
 * @public
 */
export interface ValidateAnnotationsOptions {
  /** Cluster names from configuration; when given, annotations naming others are problems. */
  knownClusters?: readonly string[];
}

const BY_KEY = new Map(ANNOTATIONS.map(a => [a.key, a]));

/**
 * Checks the suite's annotations (and the upstream Kubernetes ones it reads)
 * and returns one problem per bad value. Unknown keys under our prefix are
 * problems too, since they are almost always typos.
 *
 * @public
 */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  options: ValidateAnnotationsOptions = {},
): AnnotationProblem[] {
  const problems: AnnotationProblem[] = [];
  for (const [key, value] of Object.entries(annotations ?? {})) {
    const descriptor = BY_KEY.get(key);
    if (!descriptor) {
      if (key.startsWith(ANNOTATION_PREFIX)) {
        problems.push({
          key,
          message: `unknown annotation; known ones are ${ANNOTATIONS.filter(
            a => a.origin === 'cloud-native-platform',
          )
            .map(a => a.key)
            .join(', ')}`,
        });
      }
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ key, message: 'value must be a string' });
      continue;
    }
    const message = descriptor.validate(value);
    if (message) {
      problems.push({
        key,
        message: `${message} (example: ${descriptor.example})`,
      });
      continue;
    }
    if (
      options.knownClusters &&
      (key === ANNOTATION_CLUSTERS || key === ANNOTATION_DR_CLUSTER)
    ) {
      const unknown = value
        .split(',')
        .map(v => v.trim())
        .filter(name => !options.knownClusters!.includes(name));
      if (unknown.length > 0) {
        problems.push({
          key,
          message: `no cluster named ${unknown.join(
            ', ',
          )} in cloudNativePlatform.clusters (configured: ${
            options.knownClusters.join(', ') || 'none'
          })`,
        });
      }
    }
  }
  return problems;
}
