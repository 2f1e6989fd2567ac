import { usePermission } from '@backstage/plugin-permission-react';
import {
  healingAttemptApprovePermission,
  healingKillSwitchUpdatePermission,
} from '@cloud-native-platform/plugin-healing-common';

/** What the permission framework answered, once it has. */
export interface PermissionAnswer {
  loading: boolean;
  allowed: boolean;
}

/**
 * Whether the user may approve and reject this attempt: a policy may allow
 * it for some clusters and namespaces only, so it is asked per attempt.
 */
export function useCanApprove(attemptId: string): PermissionAnswer {
  const { allowed, loading } = usePermission({
    permission: healingAttemptApprovePermission,
    resourceRef: attemptId,
  });
  return { loading, allowed: !loading && allowed };
}

/** Whether the user may turn the kill switch on and off. */
export function useCanSwitchKillSwitch(): PermissionAnswer {
  const { allowed, loading } = usePermission({
    permission: healingKillSwitchUpdatePermission,
  });
  return { loading, allowed: !loading && allowed };
}
