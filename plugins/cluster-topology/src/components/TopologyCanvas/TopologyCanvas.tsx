import {
  KeyboardEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type {
  TopologyGraph,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { AccessibleNodeList } from './AccessibleNodeList';
import {
  changedShare,
  drawThemeOf,
  highlightMask,
  keyCommand,
  REFIT_SHARE,
  ZOOM_STEP,
} from './canvasHelpers';
import { CanvasControls } from './CanvasControls';
import { describeGraph } from './describeGraph';
import type { FrameStats } from './drawTypes';
import { NodeTooltip } from './NodeTooltip';
import { buildScene, Scene } from './scene';
import { useCanvasInteraction } from './useCanvasInteraction';
import { FrameInputs, useCanvasSurface } from './useCanvasSurface';
import { useLayout } from './useLayout';
import { fitViewport, panBy, Viewport, visibleWorld, zoomAt } from './viewport';

/** Props of {@link TopologyCanvas}. */
export interface TopologyCanvasProps {
  graph: TopologyGraph;
  selectedId?: string;
  /** Search hits: drawn emphasised, others dimmed when the set is non-empty. */
  highlightIds?: Set<string>;
  /** Click; undefined when clicking empty space or pressing Escape. */
  onSelect?(node: TopologyNode | undefined): void;
  /** Double click or Enter on the selection: drill down. */
  onOpen?(node: TopologyNode): void;
  /** Defaults to 600 pixels. */
  height?: number | string;
  /**
   * Called once per laid-out graph, right after the first frame that shows
   * it was drawn, so render time can be measured from outside.
   */
  onRendered?(stats: FrameStats): void;
}

const useStyles = makeStyles(theme => ({
  root: {
    position: 'relative',
    width: '100%',
    overflow: 'hidden',
    background: theme.palette.background.default,
  },
  canvas: {
    display: 'block',
    width: '100%',
    height: '100%',
    cursor: 'grab',
    touchAction: 'none',
    outline: 'none',
    '&:focus-visible': {
      boxShadow: `inset 0 0 0 2px ${theme.palette.primary.main}`,
    },
  },
  status: {
    position: 'absolute',
    top: '45%',
    left: 0,
    right: 0,
    textAlign: 'center',
    pointerEvents: 'none',
  },
}));

/** Canvas rendering of a large topology graph with pan, zoom, selection and search highlighting. */
export function TopologyCanvas(props: TopologyCanvasProps) {
  const {
    graph,
    selectedId,
    highlightIds,
    onSelect,
    onOpen,
    height = 600,
    onRendered,
  } = props;
  const classes = useStyles();
  const theme = useTheme();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { laidOut, error } = useLayout(graph);
  const scene = useMemo(
    () => laidOut && buildScene(laidOut.graph, laidOut.layout),
    [laidOut],
  );
  const highlight = useMemo(
    () => highlightMask(scene, highlightIds),
    [scene, highlightIds],
  );
  const colors = useMemo(() => drawThemeOf(theme), [theme]);
  const label = useMemo(() => describeGraph(graph), [graph]);
  const [hover, setHover] = useState<{ index: number; x: number; y: number }>();
  const selected =
    scene && selectedId !== undefined
      ? scene.indexById.get(selectedId) ?? -1
      : -1;

  // The draw loop and event handlers read the latest values through refs, so
  // a frame never waits for React to re-render.
  const sceneRef = useRef<Scene>();
  sceneRef.current = scene;
  const frameInputs = useRef<FrameInputs>({
    selected,
    hovered: -1,
    highlight,
    theme: colors,
  });
  frameInputs.current = {
    selected,
    hovered: hover?.index ?? -1,
    highlight,
    theme: colors,
  };
  const callbacks = useRef({ onSelect, onOpen, onRendered });
  callbacks.current = { onSelect, onOpen, onRendered };
  const reportedScene = useRef<Scene>();
  const viewportRef = useRef<Viewport>({ scale: 1, tx: 0, ty: 0 });
  const needsFit = useRef(true);
  // The viewport the last fit chose: while it is still the current one the
  // viewer has not panned or zoomed, and a resize fits again.
  const fittedViewport = useRef<Viewport>();
  // Assigned below; the surface calls it after each resize.
  const fitRef = useRef(() => {});

  const { sizeRef, requestDraw, requestZoomDraw } = useCanvasSurface(
    rootRef,
    canvasRef,
    sceneRef,
    viewportRef,
    frameInputs,
    previous => {
      if (needsFit.current || viewportRef.current === fittedViewport.current) {
        fitRef.current();
        return;
      }
      // The side panel opening or the window narrowing: keep what the viewer
      // looked at in the middle rather than pushing it off one edge.
      const { width, height: h } = sizeRef.current;
      viewportRef.current = panBy(
        viewportRef.current,
        (width - previous.width) / 2,
        (h - previous.height) / 2,
      );
    },
    (painted, stats) => {
      // A frame drawn before the first fit shows the wrong part of the graph.
      if (reportedScene.current === painted || needsFit.current) return;
      reportedScene.current = painted;
      callbacks.current.onRendered?.(stats);
    },
  );

  const fit = useCallback(() => {
    const current = sceneRef.current;
    const { width, height: h } = sizeRef.current;
    if (!current || width === 0 || h === 0) {
      needsFit.current = true;
      return;
    }
    viewportRef.current = fitViewport(current.bounds, width, h);
    fittedViewport.current = viewportRef.current;
    needsFit.current = false;
    requestDraw();
  }, [requestDraw, sizeRef]);
  fitRef.current = fit;

  const previousIds = useRef<Map<string, number>>();
  useEffect(() => {
    if (!scene) return;
    const prev = previousIds.current;
    if (!prev || changedShare(prev, scene.indexById) > REFIT_SHARE)
      needsFit.current = true;
    previousIds.current = scene.indexById;
    setHover(undefined); // its index points into the previous scene
    if (needsFit.current) fit();
    requestDraw();
  }, [scene, fit, requestDraw]);

  useEffect(requestDraw, [
    selected,
    highlight,
    hover?.index,
    colors,
    requestDraw,
  ]);

  // Bring a selection made elsewhere (search, the hidden list) into view.
  useEffect(() => {
    if (!scene || selected < 0 || needsFit.current) return;
    const { width, height: h } = sizeRef.current;
    const v = visibleWorld(viewportRef.current, width, h);
    const x = scene.ax[selected];
    const y = scene.ay[selected];
    if (x >= v.x && x <= v.x + v.w && y >= v.y && y <= v.y + v.h) return;
    const k = viewportRef.current.scale;
    viewportRef.current = {
      scale: k,
      tx: width / 2 - x * k,
      ty: h / 2 - y * k,
    };
    requestDraw();
  }, [scene, selected, requestDraw, sizeRef]);

  const selectNode = useCallback(
    (node?: TopologyNode) => callbacks.current.onSelect?.(node),
    [],
  );
  const openNode = useCallback(
    (node: TopologyNode) => callbacks.current.onOpen?.(node),
    [],
  );

  useCanvasInteraction(
    canvasRef,
    sceneRef,
    viewportRef,
    requestDraw,
    requestZoomDraw,
    {
      onClick: i => selectNode(i >= 0 ? sceneRef.current?.nodes[i] : undefined),
      onDoubleClick: i => {
        const node = sceneRef.current?.nodes[i];
        if (node) openNode(node);
      },
      onHover: (i, x, y) => setHover(i >= 0 ? { index: i, x, y } : undefined),
    },
  );

  // A button or key press is one step, not a gesture: drawn crisp at once,
  // since a scaled preview would only put a blurred frame before that.
  const zoomBy = (factor: number) => {
    const { width, height: h } = sizeRef.current;
    viewportRef.current = zoomAt(viewportRef.current, factor, width / 2, h / 2);
    requestDraw();
  };
  const panView = (dx: number, dy: number) => {
    viewportRef.current = panBy(viewportRef.current, dx, dy);
    requestDraw();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const command = keyCommand(e.key);
    if (!command) return;
    e.preventDefault();
    if (command === 'fit') fit();
    else if (command === 'clear') selectNode(undefined);
    else if (command === 'open') {
      if (scene && selected >= 0) openNode(scene.nodes[selected]);
    } else if ('zoom' in command) zoomBy(command.zoom);
    else panView(command.pan[0], command.pan[1]);
  };

  let status: string | undefined;
  if (error) status = `Could not lay out the graph: ${error.message}`;
  else if (graph.nodes.length === 0) status = 'Nothing to show';
  else if (!scene) status = `Laying out ${graph.nodes.length} nodes…`;
  const hoveredNode = hover && scene ? scene.nodes[hover.index] : undefined;

  return (
    <div ref={rootRef} className={classes.root} style={{ height }}>
      <canvas
        ref={canvasRef}
        className={classes.canvas}
        role="img"
        aria-label={label}
        tabIndex={0}
        onKeyDown={onKeyDown}
      />
      <CanvasControls
        onZoomIn={() => zoomBy(ZOOM_STEP)}
        onZoomOut={() => zoomBy(1 / ZOOM_STEP)}
        onFit={fit}
      />
      {status && (
        <Typography
          className={classes.status}
          variant="body2"
          color="textSecondary"
        >
          {status}
        </Typography>
      )}
      {hover && hoveredNode && (
        <NodeTooltip
          node={hoveredNode}
          x={hover.x}
          y={hover.y}
          areaWidth={sizeRef.current.width}
        />
      )}
      <AccessibleNodeList
        nodes={graph.nodes}
        selectedId={selectedId}
        label={`Nodes of the topology (${graph.nodes.length})`}
        onSelect={selectNode}
        onOpen={onOpen ? openNode : undefined}
      />
    </div>
  );
}
