import { Workload } from '../kube';
import { Labels } from './labelSelector';

/**
 * The labels and annotations of the pods a workload runs: what policies
 * select and what sidecar injection reads.
 */
export function podMetadataOf(workload: Workload): {
  labels: Labels;
  annotations: Labels;
} {
  const { object } = workload;
  let metadata;
  if (object.kind === 'Pod') {
    metadata = object.metadata;
  } else if (object.kind === 'CronJob') {
    metadata = object.spec?.jobTemplate?.spec?.template?.metadata;
  } else {
    metadata = object.spec?.template?.metadata;
  }
  return {
    labels: metadata?.labels ?? {},
    annotations: workload.podAnnotations,
  };
}
