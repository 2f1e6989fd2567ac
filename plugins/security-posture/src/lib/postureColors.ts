import type { Theme } from '@material-ui/core/styles';
import type { Severity } from '@cloud-native-platform/plugin-security-posture-common';

/** Scores at or above this are good. */
export const GOOD_SCORE = 90;
/** Scores at or above this, and below {@link GOOD_SCORE}, need attention. */
export const FAIR_SCORE = 70;

/** Colour of a score: green when good, amber when fair, red otherwise. */
export function scoreColor(theme: Theme, score: number): string {
  if (score >= GOOD_SCORE) {
    return theme.palette.success.main;
  }
  if (score >= FAIR_SCORE) {
    return theme.palette.warning.main;
  }
  return theme.palette.error.main;
}

/** Colour of a severity, from the theme so that dark mode keeps contrast. */
export function severityColor(theme: Theme, severity: Severity): string {
  switch (severity) {
    case 'critical':
      return theme.palette.error.dark;
    case 'high':
      return theme.palette.error.main;
    case 'medium':
      return theme.palette.warning.main;
    case 'low':
      return theme.palette.info.main;
    default:
      return theme.palette.grey[500];
  }
}
