import { recordOf } from '@cloud-native-platform/plugin-cloud-native-common';
import { HealingPolicy } from '../policies';
import { ClusterObject, cloneObject } from '../objects';
import {
  PlanContext,
  PlanResult,
  finishPlan,
  objectPath,
  refOf,
} from './HealingPlan';

/**
 * The traffic shift of a healing policy: how much traffic goes where.
 *
 * @public
 */
export type TrafficShift = NonNullable<HealingPolicy['trafficShift']>;

/**
 * One destination of an Istio VirtualService HTTP route, with its weight.
 *
 * @public
 */
export interface RouteDestination {
  destination?: { host?: string; subset?: string };
  weight?: number;
}

function serviceNames(workload: ClusterObject): Set<string> {
  const names = new Set([workload.metadata.name]);
  const app =
    workload.metadata.labels?.['app.kubernetes.io/name'] ??
    workload.metadata.labels?.app;
  if (app) names.add(app);
  return names;
}

function routesTo(
  route: RouteDestination[] | undefined,
  names: Set<string>,
): boolean {
  return (route ?? []).some(d =>
    names.has(String(d.destination?.host ?? '').split('.')[0]),
  );
}

/**
 * Whether a destination is where traffic should go: its subset is
 * `toSubset`, or for `toCluster` its subset is the cluster's name or its
 * host has the cluster's name as one of its dot-separated labels (as
 * multi-cluster hosts such as `svc.prod-east-b.global` do).
 */
function isHealthy(d: RouteDestination, shift: TrafficShift): boolean {
  const subset = d.destination?.subset;
  const labels = String(d.destination?.host ?? '').split('.');
  if (shift.toSubset !== undefined && subset === shift.toSubset) return true;
  return (
    shift.toCluster !== undefined &&
    (subset === shift.toCluster || labels.includes(shift.toCluster))
  );
}

/**
 * Integer weights summing to exactly 100, by largest remainder.
 *
 * @public
 */
export function roundWeights(exact: readonly number[]): number[] {
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact
    .map((w, i) => ({ i, rest: w - Math.floor(w) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/**
 * New weights of one route: `percent` points of traffic move from the
 * unhealthy destinations (each giving in proportion to its weight) to the
 * healthy ones (each taking in proportion to its weight, or equally when
 * they had none). Undefined when the route has no healthy destination.
 *
 * @public
 */
export function shiftWeights(
  route: RouteDestination[],
  shift: TrafficShift,
): number[] | undefined {
  const healthy = route.map(d => isHealthy(d, shift));
  if (!healthy.some(Boolean)) return undefined;
  const given = route.map(d => d.weight);
  // Istio: a lone destination takes all traffic; unweighted ones split evenly.
  const weights = given.every(w => w === undefined)
    ? route.map(() => 100 / route.length)
    : given.map(w => w ?? 0);
  const unhealthyTotal = weights.reduce(
    (s, w, i) => s + (healthy[i] ? 0 : w),
    0,
  );
  const moved = Math.min(shift.percent, unhealthyTotal);
  const healthyTotal = weights.reduce((s, w, i) => s + (healthy[i] ? w : 0), 0);
  const healthyCount = healthy.filter(Boolean).length;
  const exact = weights.map((w, i) => {
    if (!healthy[i])
      return unhealthyTotal > 0 ? w - (moved * w) / unhealthyTotal : w;
    return (
      w + (healthyTotal > 0 ? (moved * w) / healthyTotal : moved / healthyCount)
    );
  });
  return roundWeights(exact);
}

/**
 * Plans a traffic shift on the VirtualService routing to the workload:
 * every HTTP route with a healthy destination has its weights rewritten
 * toward it, still summing to 100.
 *
 * @public
 */
export function planTrafficShift(
  context: PlanContext,
  shift: TrafficShift,
): PlanResult {
  const { workload, view } = context;
  const names = serviceNames(workload);
  const service = view
    .list('VirtualService', { namespace: workload.metadata.namespace })
    .find(vs => (vs.spec?.http ?? []).some(h => routesTo(h.route, names)));
  if (!service) {
    return {
      ok: false,
      reason: `no VirtualService in ${workload.metadata.namespace} routes to ${workload.metadata.name}`,
    };
  }
  const http = (service.spec?.http ?? []) as Array<{
    route?: RouteDestination[];
  }>;
  const newHttp = http.map(h => {
    if (!routesTo(h.route, names) || !h.route) return h;
    const weights = shiftWeights(h.route, shift);
    if (!weights) return h;
    return {
      ...h,
      route: h.route.map((d, i) => ({ ...d, weight: weights[i] })),
    };
  });
  if (JSON.stringify(newHttp) === JSON.stringify(http)) {
    const to = shift.toSubset
      ? `subset ${shift.toSubset}`
      : `cluster ${shift.toCluster}`;
    return {
      ok: false,
      reason: `VirtualService ${service.metadata.name} has no route toward ${to} to shift traffic to, or it already has all of it`,
    };
  }
  const to = shift.toSubset
    ? `subset ${shift.toSubset}`
    : `cluster ${shift.toCluster}`;
  return {
    ok: true,
    plan: finishPlan(service, {
      action: 'traffic-shift',
      description: `Shift ${shift.percent}% of traffic of VirtualService ${service.metadata.name} to ${to}`,
      object: refOf(service),
      patch: {
        method: 'PATCH',
        path: objectPath(service),
        contentType: 'application/merge-patch+json',
        // A merge patch replaces lists whole: the routes are sent complete.
        body: { spec: { http: newHttp } },
      },
      podsRemoved: 0,
      pods: [],
      applyPatch: object => {
        const next = cloneObject(object);
        next.spec = { ...recordOf(next.spec), http: cloneObject(newHttp) };
        return next;
      },
    }),
  };
}
