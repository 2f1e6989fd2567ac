import type { Theme } from '@material-ui/core/styles';
import type { HealingAttemptStatus } from '@cloud-native-platform/plugin-healing-common';

/** How an outcome reads at a glance: good, bad, waiting or neutral. */
export type StatusTone = 'success' | 'error' | 'warning' | 'info' | 'neutral';

const TONES: Record<HealingAttemptStatus, StatusTone> = {
  succeeded: 'success',
  healed: 'success',
  failed: 'error',
  refused: 'error',
  rejected: 'neutral',
  expired: 'neutral',
  inconclusive: 'warning',
  'pending-approval': 'warning',
  approved: 'info',
  applied: 'info',
  planned: 'info',
  observed: 'neutral',
  unmatched: 'neutral',
};

/** The tone of an attempt status. */
export function statusTone(status: HealingAttemptStatus): StatusTone {
  return TONES[status] ?? 'neutral';
}

/** The theme colour of a tone. */
export function toneColor(theme: Theme, tone: StatusTone): string {
  switch (tone) {
    case 'success':
      return theme.palette.success.main;
    case 'error':
      return theme.palette.error.main;
    case 'warning':
      return theme.palette.warning.main;
    case 'info':
      return theme.palette.info.main;
    default:
      return theme.palette.grey[500];
  }
}
