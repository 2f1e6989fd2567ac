import { recordOf } from '@cloud-native-platform/plugin-cloud-native-common';
import { cloneObject } from '../objects';
import {
  PlanContext,
  PlanResult,
  finishPlan,
  objectPath,
  podsOfWorkload,
  refOf,
} from './HealingPlan';

/**
 * The annotation `kubectl rollout restart` sets; a new value rolls every pod.
 *
 * @public
 */
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

const RESTARTABLE = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);

/**
 * Plans a rolling restart: a new restartedAt annotation on the pod
 * template, as `kubectl rollout restart` does, so the controller replaces
 * pods within its own surge and unavailability limits.
 *
 * @public
 */
export function planRestart({ workload, view, now }: PlanContext): PlanResult {
  if (!RESTARTABLE.has(workload.kind)) {
    return {
      ok: false,
      reason: `a ${workload.kind} cannot be restarted; restart needs a Deployment, StatefulSet or DaemonSet`,
    };
  }
  const at = now.toISOString();
  const body = {
    spec: {
      template: {
        metadata: { annotations: { [RESTARTED_AT_ANNOTATION]: at } },
      },
    },
  };
  return {
    ok: true,
    plan: finishPlan(workload, {
      action: 'restart',
      description: `Rolling restart of ${workload.kind} ${workload.metadata.name}`,
      object: refOf(workload),
      patch: {
        method: 'PATCH',
        path: objectPath(workload),
        contentType: 'application/merge-patch+json',
        body,
      },
      podsRemoved: 0,
      pods: podsOfWorkload(view, workload),
      applyPatch: object => {
        const next = cloneObject(object);
        const spec = recordOf(next.spec);
        const template = recordOf(spec.template);
        const metadata = recordOf(template.metadata);
        next.spec = {
          ...spec,
          template: {
            ...template,
            metadata: {
              ...metadata,
              annotations: {
                ...recordOf(metadata.annotations),
                [RESTARTED_AT_ANNOTATION]: at,
              },
            },
          },
        };
        return next;
      },
    }),
  };
}
