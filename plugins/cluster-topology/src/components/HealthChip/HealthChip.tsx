import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  chip: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'capitalize',
  },
}));

/** Props of {@link HealthChip}. */
export interface HealthChipProps {
  label: string;
  color: string;
  size?: 'small' | 'medium';
}

/** A small chip in the colour of a health or sync state. */
export function HealthChip(props: HealthChipProps) {
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
