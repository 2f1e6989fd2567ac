import TableCell from '@material-ui/core/TableCell';
import { makeStyles } from '@material-ui/core/styles';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';
import type { SloBurnWindow } from '@cloud-native-platform/plugin-slo-common';
import { burnLevel, formatBurnRate } from './sloFigures';

const useStyles = makeStyles(theme => ({
  fast: {
    backgroundColor: statusColors.failing,
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  slow: {
    backgroundColor: statusColors.degraded,
    color: theme.palette.common.black,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  over: {
    color: theme.palette.warning.dark,
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** Props of {@link BurnRateCell}. */
export interface BurnRateCellProps {
  window: SloBurnWindow;
  rate: number | null;
}

/**
 * A burn rate as a table cell, highlighted by the multi-window threshold it
 * reaches (14.4, 6 or 1), which its title names.
 */
export function BurnRateCell(props: BurnRateCellProps) {
  const { window, rate } = props;
  const classes = useStyles();
  const level = burnLevel(rate);
  return (
    <TableCell
      align="right"
      style={{ whiteSpace: 'nowrap' }}
      className={level ? classes[level.level] : undefined}
      title={
        level
          ? `${window} burn rate ${formatBurnRate(rate)}: ${level.meaning}`
          : undefined
      }
      data-burn={level?.level ?? 'normal'}
    >
      {formatBurnRate(rate)}
    </TableCell>
  );
}
