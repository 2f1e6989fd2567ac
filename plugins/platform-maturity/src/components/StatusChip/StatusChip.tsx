import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  chip: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'capitalize',
  },
}));

/** Props of {@link StatusChip}. */
export interface StatusChipProps {
  label: string;
  color: string;
  size?: 'small' | 'medium';
}

/** A small chip in the colour of a check's or a workload's state. */
export function StatusChip(props: StatusChipProps) {
  const classes = useStyles();
  return (
    <Chip
      className={classes.chip}
      style={{ backgroundColor: props.color }}
      label={props.label}
      size={props.size ?? 'small'}
    />
  );
}
