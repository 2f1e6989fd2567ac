import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import { describeDelivery } from '../../lib/delivery';
import { HEALTH_COLORS } from './scene';

const useStyles = makeStyles(theme => ({
  paper: {
    position: 'absolute',
    pointerEvents: 'none',
    padding: theme.spacing(1, 1.5),
    maxWidth: 300,
    zIndex: 2,
  },
  dot: {
    display: 'inline-block',
    width: 8,
    height: 8,
    borderRadius: '50%',
    marginRight: theme.spacing(0.5),
  },
}));

/** Props of {@link NodeTooltip}: the node and the pointer position in the canvas. */
export interface NodeTooltipProps {
  node: TopologyNode;
  x: number;
  y: number;
  /** Width of the canvas, to flip the tooltip left near the right edge. */
  areaWidth: number;
}

/** Hover card with a node's name, kind, health and pods. */
export function NodeTooltip(props: NodeTooltipProps) {
  const { node, x, y, areaWidth } = props;
  const classes = useStyles();
  const flip = x > areaWidth - 320;
  const kind = node.objectKind
    ? `${node.kind} · ${node.objectKind}`
    : node.kind;
  return (
    <Paper
      elevation={4}
      className={classes.paper}
      style={
        flip
          ? { right: areaWidth - x + 12, top: y + 12 }
          : { left: x + 12, top: y + 12 }
      }
      role="tooltip"
    >
      <Typography variant="subtitle2" noWrap>
        {node.name}
      </Typography>
      <Typography variant="caption" color="textSecondary" display="block">
        {kind}
        {node.cluster && node.kind !== 'cluster' ? ` in ${node.cluster}` : ''}
        {node.namespace && node.kind !== 'namespace'
          ? `/${node.namespace}`
          : ''}
      </Typography>
      <Typography variant="caption" display="block">
        <span
          className={classes.dot}
          style={{ background: HEALTH_COLORS[node.status] }}
        />
        {node.status}
      </Typography>
      {node.pods && (
        <Typography variant="caption" display="block">
          {`Pods: ${node.pods.ready}/${node.pods.total} ready`}
          {node.pods.restarts > 0 ? `, ${node.pods.restarts} restarts` : ''}
        </Typography>
      )}
      {node.collapsedChildren ? (
        <Typography variant="caption" display="block" color="textSecondary">
          {`${node.collapsedChildren} more inside; double-click to open`}
        </Typography>
      ) : null}
      {node.detail && (
        <Typography variant="caption" display="block" color="textSecondary">
          {node.detail}
        </Typography>
      )}
      {node.delivery && (
        <Typography variant="caption" display="block">
          {describeDelivery(node.delivery)}
        </Typography>
      )}
    </Paper>
  );
}
