import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingAttemptStatus } from '@cloud-native-platform/plugin-healing-common';
import { StatusTone, statusTone, toneColor } from '../../lib/statusColors';

const useStyles = makeStyles(theme => ({
  chip: (props: { tone: StatusTone }) => {
    const color = toneColor(theme, props.tone);
    return {
      color: theme.palette.getContrastText(color),
      backgroundColor: color,
      fontWeight: 500,
    };
  },
}));

/** Props of {@link StatusChip}. */
export interface StatusChipProps {
  status: HealingAttemptStatus;
}

/** An attempt status as a chip coloured by what it means for the workload. */
export function StatusChip(props: StatusChipProps) {
  const tone = statusTone(props.status);
  const classes = useStyles({ tone });
  return (
    <Chip
      size="small"
      className={classes.chip}
      label={props.status.replace('-', ' ')}
      data-tone={tone}
    />
  );
}
