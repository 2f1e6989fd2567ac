import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  chip: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'capitalize',
  },
}));

/**
 * Props of {@link StatusChip}.
 *
 * @public
 */
export interface StatusChipProps {
  /** The state as read: "healthy", "ready", "2 of 3 ready". */
  label: string;
  /** Background colour, usually one of {@link statusColors}. */
  color: string;
  size?: 'small' | 'medium';
}

/**
 * A small chip in the colour of a health, sync or readiness state.
 *
 * @public
 */
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
