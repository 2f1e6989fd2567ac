import {
  MutableRefObject,
  RefObject,
  useCallback,
  useEffect,
  useRef,
} from 'react';
import type { DrawState, FrameStats } from './drawTypes';
import { createLayer, drawCached, Layer, releaseLayer } from './layerCache';
import type { Scene } from './scene';
import { createZoomGesture, ZoomGesture } from './zoomGesture';

/** Canvas size in CSS pixels and the device pixel ratio it is drawn at. */
export interface SurfaceSize {
  width: number;
  height: number;
  dpr: number;
}

/** Per-frame inputs besides the viewport and size. */
export type FrameInputs = Omit<
  DrawState,
  'viewport' | 'width' | 'height' | 'dpr'
>;

/**
 * Keeps the canvas bitmap at container size × devicePixelRatio and paints the
 * scene at most once per animation frame. `onResize` runs after every resize,
 * with the size before it, before the repaint; `onPainted` after every frame that drew a scene.
 * `requestZoomDraw` asks for a frame of a zoom gesture: until the gesture
 * settles, frames may scale the retained layer instead of redrawing it, and
 * the frame after it settles is redrawn crisp.
 */
export function useCanvasSurface(
  rootRef: RefObject<HTMLDivElement>,
  canvasRef: RefObject<HTMLCanvasElement>,
  sceneRef: MutableRefObject<Scene | undefined>,
  viewportRef: MutableRefObject<DrawState['viewport']>,
  frameInputs: MutableRefObject<FrameInputs>,
  onResize: (previous: SurfaceSize) => void,
  onPainted?: (scene: Scene, stats: FrameStats) => void,
) {
  const sizeRef = useRef<SurfaceSize>({ width: 0, height: 0, dpr: 1 });
  // undefined: not asked yet; null: no 2D context (jsdom), so never draw.
  const ctxRef = useRef<CanvasRenderingContext2D | null>();
  const frameRef = useRef(0);
  const layerRef = useRef<Layer>();
  const gestureRef = useRef<ZoomGesture>();
  const resizeRef = useRef(onResize);
  resizeRef.current = onResize;
  const paintedRef = useRef(onPainted);
  paintedRef.current = onPainted;

  const paint = useCallback(() => {
    const canvas = canvasRef.current;
    const scene = sceneRef.current;
    if (!canvas || !scene || sizeRef.current.width === 0) return;
    if (ctxRef.current === undefined) {
      try {
        ctxRef.current = canvas.getContext('2d');
      } catch {
        ctxRef.current = null;
      }
    }
    if (!ctxRef.current) return;
    if (!layerRef.current) layerRef.current = createLayer();
    const stats = drawCached(
      ctxRef.current,
      scene,
      {
        ...frameInputs.current,
        ...sizeRef.current,
        viewport: viewportRef.current,
      },
      layerRef.current,
      gestureRef.current?.active ?? false,
    );
    paintedRef.current?.(scene, stats);
  }, [canvasRef, sceneRef, viewportRef, frameInputs]);

  const requestDraw = useCallback(() => {
    if (frameRef.current) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = 0;
      paint();
    });
  }, [paint]);
  const requestZoomDraw = useCallback(() => {
    if (!gestureRef.current)
      gestureRef.current = createZoomGesture(requestDraw);
    gestureRef.current.zoomed();
    requestDraw();
  }, [requestDraw]);
  useEffect(
    () => () => {
      cancelAnimationFrame(frameRef.current);
      gestureRef.current?.cancel();
      if (layerRef.current) releaseLayer(layerRef.current);
      layerRef.current = undefined;
    },
    [],
  );

  useEffect(() => {
    const root = rootRef.current;
    const canvas = canvasRef.current;
    if (!root || !canvas) return undefined;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const { clientWidth: width, clientHeight: height } = root;
      const previous = sizeRef.current;
      sizeRef.current = { width, height, dpr };
      canvas.width = Math.max(1, Math.round(width * dpr));
      canvas.height = Math.max(1, Math.round(height * dpr));
      resizeRef.current(previous);
      paint(); // resizing cleared the bitmap; repaint before the browser shows it
    };
    resize();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(resize);
    observer.observe(root);
    return () => observer.disconnect();
  }, [rootRef, canvasRef, paint]);

  return { sizeRef, paint, requestDraw, requestZoomDraw };
}
