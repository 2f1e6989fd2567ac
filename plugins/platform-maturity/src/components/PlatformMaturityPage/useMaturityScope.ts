import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MaturityScope, scopeFromParams, scopeToParams } from './maturityScope';

/**
 * The scope of the maturity page, kept in the URL query (`?team=…` or
 * `?system=…`) so a view of one team or system can be shared.
 */
export function useMaturityScope(): [
  MaturityScope,
  (scope: MaturityScope) => void,
] {
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => scopeFromParams(params), [params]);
  const select = useCallback(
    (next: MaturityScope) => setParams(current => scopeToParams(next, current)),
    [setParams],
  );
  return [scope, select];
}
