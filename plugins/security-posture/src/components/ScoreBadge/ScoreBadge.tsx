import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import { scoreColor } from '../../lib/postureColors';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    borderRadius: '50%',
    borderStyle: 'solid',
    fontWeight: theme.typography.fontWeightBold as number,
    flexShrink: 0,
  },
  large: {
    width: 88,
    height: 88,
    borderWidth: 6,
    fontSize: 32,
  },
  small: {
    width: 40,
    height: 40,
    borderWidth: 3,
    fontSize: 14,
  },
}));

/** Props of {@link ScoreBadge}. */
export interface ScoreBadgeProps {
  score: number;
  size?: 'small' | 'large';
}

/** A 0–100 score in a ring of its colour (green, amber or red). */
export function ScoreBadge(props: ScoreBadgeProps) {
  const classes = useStyles();
  const theme = useTheme();
  const color = scoreColor(theme, props.score);
  const size = props.size ?? 'small';
  return (
    <Typography
      component="span"
      role="img"
      aria-label={`Score ${props.score} of 100`}
      className={`${classes.badge} ${classes[size]}`}
      style={{ borderColor: color, color }}
    >
      {Math.round(props.score)}
    </Typography>
  );
}
