import type {
  TopologyEdge,
  TopologyGraph,
  TopologyHealth,
  TopologyNode,
  TopologyPodCounts,
} from '@cloud-native-platform/plugin-cloud-native-common';

/** Shape of a synthetic graph for {@link generateGraph}. */
export interface GenerateGraphOptions {
  clusters: number;
  namespacesPerCluster: number;
  workloadsPerNamespace: number;
  /** Pod nodes under each workload; 0 leaves workloads as leaves with a pod roll-up. */
  podsPerWorkload: number;
  /** Edges between workloads (traffic, routes, catalog), some across clusters. */
  edges: number;
  /** Kubernetes nodes per cluster, each with a runs-on edge from some pods. */
  nodesPerCluster?: number;
  /** Wrap clusters into this many fleet groups; 0 keeps clusters as roots. */
  groups?: number;
  seed?: number;
}

/** Small, fast, seedable PRNG: the graph must be identical on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickHealth(r: number): TopologyHealth {
  if (r < 0.85) return 'healthy';
  if (r < 0.91) return 'degraded';
  if (r < 0.94) return 'failing';
  if (r < 0.98) return 'idle';
  return 'unknown';
}

function podCounts(total: number, health: TopologyHealth): TopologyPodCounts {
  let bad = 0;
  if (health === 'failing') bad = total;
  else if (health === 'degraded') bad = 1;
  return {
    total,
    ready: Math.max(0, total - bad),
    restarting: 0,
    crashLooping: health === 'failing' ? bad : 0,
    pending: health === 'degraded' ? bad : 0,
    failed: 0,
    restarts: bad * 3,
  };
}

/**
 * A deterministic synthetic topology for tests and render benchmarks:
 * clusters → namespaces → workloads → pods, plus workload edges of every
 * style. The same options always give the same graph.
 */
export function generateGraph(options: GenerateGraphOptions): TopologyGraph {
  const rand = mulberry32(options.seed ?? 42);
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const workloads: Array<{ id: string; cluster: number; ns: number }> = [];
  const groups = options.groups ?? 0;

  for (let g = 0; g < groups; g++) {
    nodes.push({
      id: `group:${g}`,
      kind: 'group',
      name: `region-${g}`,
      status: 'healthy',
    });
  }
  for (let c = 0; c < options.clusters; c++) {
    const cluster = `cluster-${c}`;
    const clusterId = `cluster:${cluster}`;
    nodes.push({
      id: clusterId,
      kind: 'cluster',
      name: cluster,
      cluster,
      status: pickHealth(rand()),
      parent: groups > 0 ? `group:${c % groups}` : undefined,
      role: c % 2 ? 'dr' : 'primary',
    });
    const nodeIds: string[] = [];
    for (let k = 0; k < (options.nodesPerCluster ?? 0); k++) {
      const id = `node:${cluster}/node-${k}`;
      nodeIds.push(id);
      nodes.push({
        id,
        kind: 'node',
        name: `node-${k}`,
        cluster,
        status: pickHealth(rand()),
        parent: clusterId,
      });
    }
    for (let n = 0; n < options.namespacesPerCluster; n++) {
      const namespace = `ns-${n}`;
      const nsId = `namespace:${cluster}/${namespace}`;
      nodes.push({
        id: nsId,
        kind: 'namespace',
        name: namespace,
        cluster,
        namespace,
        status: pickHealth(rand()),
        parent: clusterId,
      });
      for (let w = 0; w < options.workloadsPerNamespace; w++) {
        const name = `workload-${w}`;
        const id = `workload:${cluster}/${namespace}/Deployment/${name}`;
        const status = pickHealth(rand());
        const total = options.podsPerWorkload || 1 + Math.floor(rand() * 5);
        nodes.push({
          id,
          kind: 'workload',
          objectKind: 'Deployment',
          name,
          cluster,
          namespace,
          status,
          parent: nsId,
          pods: podCounts(total, status),
          collapsedChildren:
            options.podsPerWorkload === 0 && w % 7 === 3 ? total : undefined,
          detail: `${podCounts(total, status).ready}/${total} ready`,
        });
        workloads.push({ id, cluster: c, ns: n });
        for (let p = 0; p < options.podsPerWorkload; p++) {
          const podId = `pod:${cluster}/${namespace}/${name}-${p}`;
          nodes.push({
            id: podId,
            kind: 'pod',
            objectKind: 'Pod',
            name: `${name}-${p}`,
            cluster,
            namespace,
            status: pickHealth(rand()),
            parent: id,
          });
          if (nodeIds.length > 0 && p === 0) {
            edges.push({
              id: `runs-on:${podId}`,
              source: podId,
              target: nodeIds[Math.floor(rand() * nodeIds.length)],
              kind: 'runs-on',
            });
          }
        }
      }
    }
  }

  const byNamespace = new Map<string, typeof workloads>();
  for (const w of workloads) {
    const key = `${w.cluster}/${w.ns}`;
    const list = byNamespace.get(key);
    if (list) list.push(w);
    else byNamespace.set(key, [w]);
  }
  for (let e = 0; e < options.edges && workloads.length > 1; e++) {
    const from = workloads[Math.floor(rand() * workloads.length)];
    // Most traffic stays inside a namespace, as in real meshes.
    const local = byNamespace.get(`${from.cluster}/${from.ns}`) ?? [];
    const pool = rand() < 0.9 && local.length > 1 ? local : workloads;
    let to = pool[Math.floor(rand() * pool.length)];
    // Step to a neighbour rather than skip, so exactly `edges` edges come out.
    if (to.id === from.id) to = pool[(pool.indexOf(to) + 1) % pool.length];
    const r = rand();
    const base = {
      id: `edge:${e}`,
      source: from.id,
      target: to.id,
      crossCluster: from.cluster !== to.cluster || undefined,
    };
    if (r < 0.6) {
      edges.push({
        ...base,
        kind: 'traffic',
        traffic: {
          requestsPerSecond: Math.round(10 ** (rand() * 4)),
          errorPercent: rand() < 0.8 ? 0 : Math.round(rand() * 200) / 10,
        },
      });
    } else if (r < 0.85) {
      edges.push({
        ...base,
        kind: 'routes',
        weight: [100, 90, 50, 10][Math.floor(rand() * 4)],
      });
    } else {
      edges.push({ ...base, kind: 'catalog', relation: 'dependsOn' });
    }
  }

  return {
    level: groups > 0 ? 'fleet' : 'cluster',
    nodes,
    edges,
    errors: [],
    notices: [],
    generatedAt: '2024-01-01T00:00:00.000Z',
  };
}
