import IconButton from '@material-ui/core/IconButton';
import { makeStyles } from '@material-ui/core/styles';
import ZoomInIcon from '@material-ui/icons/ZoomIn';
import ZoomOutIcon from '@material-ui/icons/ZoomOut';
import ZoomOutMapIcon from '@material-ui/icons/ZoomOutMap';

const useStyles = makeStyles(theme => ({
  controls: {
    position: 'absolute',
    top: theme.spacing(1),
    right: theme.spacing(1),
    display: 'flex',
    flexDirection: 'column',
    background: theme.palette.background.paper,
    borderRadius: theme.shape.borderRadius,
    boxShadow: theme.shadows[1],
  },
}));

/** Props of {@link CanvasControls}. */
export interface CanvasControlsProps {
  onZoomIn(): void;
  onZoomOut(): void;
  onFit(): void;
}

/**
 * Zoom and fit buttons overlaid on the canvas, for users without a wheel.
 * Native `title` tooltips: MUI's Tooltip calls the deprecated findDOMNode.
 */
export function CanvasControls(props: CanvasControlsProps) {
  const classes = useStyles();
  return (
    <div className={classes.controls}>
      <IconButton
        title="Zoom in (+)"
        size="small"
        aria-label="Zoom in"
        onClick={props.onZoomIn}
      >
        <ZoomInIcon fontSize="small" />
      </IconButton>
      <IconButton
        title="Zoom out (−)"
        size="small"
        aria-label="Zoom out"
        onClick={props.onZoomOut}
      >
        <ZoomOutIcon fontSize="small" />
      </IconButton>
      <IconButton
        title="Fit to view (0)"
        size="small"
        aria-label="Fit to view"
        onClick={props.onFit}
      >
        <ZoomOutMapIcon fontSize="small" />
      </IconButton>
    </div>
  );
}
