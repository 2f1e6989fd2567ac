import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PostureScope } from '../../api';

/** What the findings panel of the page shows, kept in the URL to be shared. */
export interface PageSelection {
  cluster?: string;
  namespace?: string;
  team?: string;
  check?: string;
}

const KEYS: Array<keyof PageSelection> = [
  'cluster',
  'namespace',
  'team',
  'check',
];

/** The page's selection and a setter that replaces it key by key. */
export function usePageSelection(): [
  PageSelection,
  (change: Partial<PageSelection>) => void,
] {
  const [params, setParams] = useSearchParams();
  const selection: PageSelection = {};
  for (const key of KEYS) {
    selection[key] = params.get(key) || undefined;
  }
  const update = useCallback(
    (change: Partial<PageSelection>) =>
      setParams(
        previous => {
          const next = new URLSearchParams(previous);
          for (const key of KEYS) {
            if (key in change) {
              const value = change[key];
              if (value) {
                next.set(key, value);
              } else {
                next.delete(key);
              }
            }
          }
          return next;
        },
        { replace: false },
      ),
    [setParams],
  );
  return [selection, update];
}

/**
 * The report scope of a selection. Without one, the worst readable cluster
 * is shown, as it is the one most worth a look.
 */
export function selectionScope(
  selection: PageSelection,
  clusters: ReadonlyArray<{ name: string; score?: number; error?: string }>,
): PostureScope | undefined {
  if (selection.team) {
    return { team: selection.team };
  }
  if (selection.cluster) {
    return selection.namespace
      ? { cluster: selection.cluster, namespace: selection.namespace }
      : { cluster: selection.cluster };
  }
  const worst = clusters
    .filter(
      (c): c is typeof c & { score: number } =>
        !c.error && c.score !== undefined,
    )
    .sort((a, b) => a.score - b.score)[0];
  return worst ? { cluster: worst.name } : undefined;
}
