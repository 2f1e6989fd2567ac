import { useEffect, useRef, useState } from 'react';
import type { TopologyGraph } from '@cloud-native-platform/plugin-cloud-native-common';
import type { LayoutResult } from './layoutTypes';
import {
  createLayoutRunner,
  LayoutRunner,
  toLayoutInput,
} from './layoutRunner';

/** A layout together with the graph it was computed for. */
export interface LaidOutGraph {
  graph: TopologyGraph;
  layout: LayoutResult;
}

/**
 * Lays out `graph` in the background. Until the new layout arrives the
 * previous one stays, so the picture never flashes empty; results for graphs
 * that were replaced meanwhile are dropped.
 */
export function useLayout(graph: TopologyGraph): {
  laidOut?: LaidOutGraph;
  error?: Error;
} {
  const runner = useRef<LayoutRunner>();
  const [laidOut, setLaidOut] = useState<LaidOutGraph>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    let current = true;
    if (!runner.current) runner.current = createLayoutRunner();
    runner.current.run(toLayoutInput(graph)).then(
      layout => {
        if (!current) return;
        setLaidOut({ graph, layout });
        setError(undefined);
      },
      e => {
        if (current) setError(e instanceof Error ? e : new Error(String(e)));
      },
    );
    return () => {
      current = false;
    };
  }, [graph]);

  // Declared after the layout effect so a StrictMode remount re-creates the
  // runner there instead of posting to a terminated worker.
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = undefined;
    },
    [],
  );

  return { laidOut, error };
}
