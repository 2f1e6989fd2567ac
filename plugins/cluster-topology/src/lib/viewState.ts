import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  isTrafficWindow,
  TRAFFIC_WINDOWS,
  type TopologyHealth,
  type TrafficWindow,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type { TopologyLayer } from '../api';

/** Traffic windows offered by the window select: every one the backend accepts. */
export const trafficWindows = TRAFFIC_WINDOWS;

/** The window shown when the URL names none; the backend keeps it warm. */
export const defaultTrafficWindow: TrafficWindow = '5m';

/** Layers drawn when the URL names none. */
export const defaultLayers: TopologyLayer[] = ['static', 'traffic', 'storage'];

const allLayers: TopologyLayer[] = ['static', 'traffic', 'catalog', 'storage'];

/**
 * Everything that decides what the topology view shows. It lives in the URL
 * so that a shared link reproduces the view.
 */
export interface TopologyViewState {
  /** Drill-down: the cluster and namespace levels, served by the backend. */
  cluster?: string;
  namespace?: string;
  /** Workload node ids whose pods are shown. */
  expand: string[];
  /** Text search; matches are highlighted, not filtered. */
  search: string;
  /** Client-side filters. */
  filterNamespace?: string;
  filterKind?: string;
  health: TopologyHealth[];
  layers: TopologyLayer[];
  window: TrafficWindow;
  selected?: string;
}

const list = (value: string | null) =>
  value ? value.split(',').filter(Boolean) : [];

/** Reads the view state from URL search params. */
export function parseViewState(params: URLSearchParams): TopologyViewState {
  const layersParam = params.get('layers');
  const layers =
    layersParam === null
      ? defaultLayers
      : (list(layersParam).filter(l =>
          allLayers.includes(l as TopologyLayer),
        ) as TopologyLayer[]);
  const window = params.get('window');
  return {
    cluster: params.get('cluster') || undefined,
    namespace: params.get('namespace') || undefined,
    expand: list(params.get('expand')),
    search: params.get('q') ?? '',
    filterNamespace: params.get('ns') || undefined,
    filterKind: params.get('kind') || undefined,
    health: list(params.get('health')) as TopologyHealth[],
    layers,
    window: isTrafficWindow(window) ? window : defaultTrafficWindow,
    selected: params.get('selected') || undefined,
  };
}

/** Writes the view state to URL search params, leaving defaults out. */
export function serializeViewState(
  state: TopologyViewState,
  base?: URLSearchParams,
): URLSearchParams {
  const params = new URLSearchParams(base);
  const set = (key: string, value: string | undefined) => {
    if (value) {
      params.set(key, value);
    } else {
      params.delete(key);
    }
  };
  set('cluster', state.cluster);
  set('namespace', state.cluster ? state.namespace : undefined);
  set('expand', state.expand.join(','));
  set('q', state.search);
  set('ns', state.filterNamespace);
  set('kind', state.filterKind);
  set('health', state.health.join(','));
  const isDefaultLayers =
    state.layers.length === defaultLayers.length &&
    defaultLayers.every(l => state.layers.includes(l));
  if (isDefaultLayers) {
    params.delete('layers');
  } else {
    // An empty value is kept on purpose: it means "no layer", not "default".
    params.set(
      'layers',
      allLayers.filter(l => state.layers.includes(l)).join(','),
    );
  }
  set(
    'window',
    state.window === defaultTrafficWindow ? undefined : state.window,
  );
  set('selected', state.selected);
  return params;
}

/**
 * The topology view state bound to the URL query string, with an updater
 * that merges a partial change.
 */
export function useTopologyViewState(): [
  TopologyViewState,
  (change: Partial<TopologyViewState>, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseViewState(params), [params]);
  const update = useCallback(
    (change: Partial<TopologyViewState>, options?: { replace?: boolean }) => {
      setParams(
        current =>
          serializeViewState(
            { ...parseViewState(current), ...change },
            current,
          ),
        { replace: options?.replace },
      );
    },
    [setParams],
  );
  return [state, update];
}
