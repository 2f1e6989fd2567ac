import Chip from '@material-ui/core/Chip';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import {
  SEVERITIES,
  type SeverityCounts as Counts,
} from '@cloud-native-platform/plugin-security-posture-common';
import { severityColor } from '../../lib/postureColors';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  chip: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  zero: {
    opacity: 0.45,
  },
}));

/** Props of {@link SeverityCounts}. */
export interface SeverityCountsProps {
  counts: Counts;
  /** Excepted findings, shown after the severities when given. */
  exceptedCount?: number;
  /** Leaves out severities without findings. */
  hideZero?: boolean;
}

/** Findings counted by severity, worst first, as coloured chips. */
export function SeverityCounts(props: SeverityCountsProps) {
  const classes = useStyles();
  const theme = useTheme();
  const severities = SEVERITIES.filter(
    s => !props.hideZero || props.counts[s] > 0,
  );
  return (
    <ul className={classes.list} aria-label="Findings by severity">
      {severities.map(severity => (
        <li key={severity}>
          <Chip
            size="small"
            label={`${props.counts[severity] ?? 0} ${severity}`}
            className={`${classes.chip} ${
              props.counts[severity] ? '' : classes.zero
            }`}
            style={{ backgroundColor: severityColor(theme, severity) }}
          />
        </li>
      ))}
      {props.exceptedCount !== undefined && (
        <li>
          <Chip
            size="small"
            variant="outlined"
            label={`${props.exceptedCount} excepted`}
          />
        </li>
      )}
    </ul>
  );
}
