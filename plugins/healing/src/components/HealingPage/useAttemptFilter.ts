import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  AttemptFilter,
  applyFilterChange,
  parseAttemptFilter,
} from '../../lib/attemptFilter';

/**
 * The history's filters, kept in the URL so that a shared link reproduces
 * the view, and a setter that changes them key by key.
 */
export function useAttemptFilter(): [
  AttemptFilter,
  (change: Partial<AttemptFilter>) => void,
] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // Parsed once per URL so that effects keyed on the filter do not re-run.
  const filter = useMemo(
    () => parseAttemptFilter(new URLSearchParams(search)),
    [search],
  );
  const update = useCallback(
    (change: Partial<AttemptFilter>) =>
      setParams(previous => applyFilterChange(previous, change)),
    [setParams],
  );
  return [filter, update];
}
