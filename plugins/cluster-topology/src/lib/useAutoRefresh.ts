import { useCallback, useState } from 'react';
import useInterval from 'react-use/esm/useInterval';

/** How often the topology views reload by themselves. */
export const AUTO_REFRESH_INTERVAL_MS = 30_000;

/** A refresh counter that ticks on an interval, can pause, and can be bumped by hand. */
export interface AutoRefresh {
  /** Changes on every refresh; use it as a dependency of the loads. */
  tick: number;
  paused: boolean;
  togglePause(): void;
  refresh(): void;
}

/** Drives the auto-refresh of a topology view. */
export function useAutoRefresh(
  intervalMs: number = AUTO_REFRESH_INTERVAL_MS,
): AutoRefresh {
  const [tick, setTick] = useState(0);
  const [paused, setPaused] = useState(false);
  const refresh = useCallback(() => setTick(t => t + 1), []);
  const togglePause = useCallback(() => setPaused(p => !p), []);
  useInterval(refresh, paused ? null : intervalMs);
  return { tick, paused, togglePause, refresh };
}
