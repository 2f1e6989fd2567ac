import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';
import { formatBudget } from './sloFigures';

const useStyles = makeStyles(theme => ({
  bar: {
    width: theme.spacing(10),
    height: theme.spacing(1),
    borderRadius: theme.spacing(0.5),
    marginRight: theme.spacing(1),
  },
  healthy: { backgroundColor: statusColors.healthy },
  low: { backgroundColor: statusColors.degraded },
  spent: {
    color: statusColors.failing,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  spentTrack: { backgroundColor: statusColors.failing },
}));

// Below a quarter of the budget the bar turns amber, a warning before red.
const LOW_BUDGET = 0.25;

/** Props of {@link BudgetBar}. */
export interface BudgetBarProps {
  /** Share of the budget left: 1 untouched, ≤ 0 spent; null without data. */
  remaining: number | null;
  /** What the budget is of, for the bar's accessible name. */
  of: string;
}

/**
 * The error budget left as a bar and a percentage, red once spent (0 or
 * overspent), amber when low.
 */
export function BudgetBar(props: BudgetBarProps) {
  const { remaining, of } = props;
  const classes = useStyles();
  if (remaining === null) {
    return <Typography color="textSecondary">–</Typography>;
  }
  const spent = remaining <= 0;
  const barClass = remaining < LOW_BUDGET ? classes.low : classes.healthy;
  return (
    <Box display="flex" alignItems="center">
      <LinearProgress
        variant="determinate"
        value={Math.max(0, Math.min(1, remaining)) * 100}
        aria-label={`Error budget remaining of ${of}`}
        className={classes.bar}
        classes={{
          barColorPrimary: barClass,
          colorPrimary: spent ? classes.spentTrack : undefined,
        }}
      />
      <Typography
        variant="body2"
        component="span"
        className={spent ? classes.spent : undefined}
        style={{ whiteSpace: 'nowrap' }}
        data-budget={spent ? 'spent' : 'left'}
      >
        {formatBudget(remaining)}
      </Typography>
    </Box>
  );
}
