import useAsync from 'react-use/esm/useAsync';
import { useApi } from '@backstage/core-plugin-api';
import type { CheckDefinition } from '@cloud-native-platform/plugin-security-posture-common';
import { securityPostureApiRef } from '../api';

/**
 * The check catalogue by check id, or undefined while loading or when it
 * cannot be read: it only adds descriptions, so views work without it.
 */
export function useCheckCatalogue():
  | ReadonlyMap<string, CheckDefinition>
  | undefined {
  const api = useApi(securityPostureApiRef);
  const { value } = useAsync(async () => {
    try {
      const { items } = await api.getChecks();
      return new Map(items.map(check => [check.id, check]));
    } catch {
      return undefined;
    }
  }, [api]);
  return value;
}
