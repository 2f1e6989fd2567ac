import { usePermission } from '@backstage/plugin-permission-react';
import { healingAttemptApprovePermission } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * Whether the user may approve, reject and use the kill switch. False while
 * the answer loads, so no control flashes up and disappears again.
 */
export function useCanApprove(): boolean {
  const { allowed, loading } = usePermission({
    permission: healingAttemptApprovePermission,
  });
  return !loading && allowed;
}
