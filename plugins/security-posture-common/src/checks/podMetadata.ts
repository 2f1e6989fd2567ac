import {
  isKind,
  podTemplateOf,
} from '@cloud-native-platform/plugin-cloud-native-common';
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
  const metadata = isKind(object, 'Pod')
    ? object.metadata
    : podTemplateOf(object)?.metadata;
  return {
    labels: metadata?.labels ?? {},
    annotations: workload.podAnnotations,
  };
}
