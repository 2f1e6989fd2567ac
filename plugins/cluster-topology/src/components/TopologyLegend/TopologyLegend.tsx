import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { edgeStyles, healthColors, healthStates } from '../../lib/health';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
  },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.75),
  },
  capitalize: {
    textTransform: 'capitalize',
  },
  dot: {
    display: 'inline-block',
    width: 12,
    height: 12,
    borderRadius: '50%',
  },
  line: {
    display: 'inline-block',
    width: 24,
    height: 0,
    borderTopWidth: 3,
  },
}));

/** What the colours of nodes and the lines between them mean. */
export function TopologyLegend() {
  const classes = useStyles();
  return (
    <Box className={classes.root} role="list" aria-label="Legend">
      {healthStates.map(state => (
        <span
          key={state}
          className={`${classes.item} ${classes.capitalize}`}
          role="listitem"
        >
          <span
            className={classes.dot}
            style={{ backgroundColor: healthColors[state] }}
          />
          <Typography variant="caption">{state}</Typography>
        </span>
      ))}
      {edgeStyles.map(edge => (
        <span key={edge.label} className={classes.item} role="listitem">
          <span
            className={classes.line}
            style={{
              borderTopColor: edge.color,
              borderTopStyle: edge.dashed ? 'dashed' : 'solid',
            }}
          />
          <Typography variant="caption">{edge.label}</Typography>
        </span>
      ))}
    </Box>
  );
}
