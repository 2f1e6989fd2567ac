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

/** Points of a regular polygon in a 12 × 12 box, as in the canvas. */
function polygonPoints(sides: number, rotation: number): string {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    return `${(6 + 5.5 * Math.cos(angle)).toFixed(2)},${(
      6 +
      5.5 * Math.sin(angle)
    ).toFixed(2)}`;
  }).join(' ');
}

/** Storage nodes share a colour scheme with the rest; their outline says what they are. */
const storageShapes = [
  { label: 'Volume claim', sides: 3, rotation: -Math.PI / 2 },
  { label: 'Persistent volume', sides: 5, rotation: -Math.PI / 2 },
  { label: 'Storage class', sides: 8, rotation: Math.PI / 8 },
];

/** What the colours of nodes, their outlines and the lines between them mean. */
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
      {storageShapes.map(shape => (
        <span key={shape.label} className={classes.item} role="listitem">
          <svg width={12} height={12} aria-hidden="true">
            <polygon
              points={polygonPoints(shape.sides, shape.rotation)}
              fill="none"
              stroke="currentColor"
              strokeWidth={1.5}
            />
          </svg>
          <Typography variant="caption">{shape.label}</Typography>
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
