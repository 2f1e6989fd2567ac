import { MutableRefObject, RefObject, useEffect, useRef } from 'react';
import type { Scene } from './scene';
import { hitTest } from './spatialIndex';
import { panBy, screenToWorld, Viewport, zoomAt } from './viewport';

/** A pointer that moves less than this between press and release clicked. */
const CLICK_SLOP_PX = 4;

/** What the canvas reports back to its owner. */
export interface InteractionHandlers {
  onClick(index: number): void;
  onDoubleClick(index: number): void;
  onHover(index: number, x: number, y: number): void;
}

/**
 * Pan by dragging, zoom with the wheel around the cursor, and click, double
 * click and hover through the scene's spatial index. The viewport lives in a
 * ref and redraws go through `requestDraw` (`requestZoomDraw` for the wheel,
 * a zoom gesture), so panning never re-renders React. Hit tests always use
 * the current viewport, whatever the last frame was drawn from.
 */
export function useCanvasInteraction(
  canvasRef: RefObject<HTMLCanvasElement>,
  sceneRef: MutableRefObject<Scene | undefined>,
  viewportRef: MutableRefObject<Viewport>,
  requestDraw: () => void,
  requestZoomDraw: () => void,
  handlers: InteractionHandlers,
): void {
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    let press:
      | { x: number; y: number; lastX: number; lastY: number; dragged: boolean }
      | undefined;
    let hovered = -1;

    const local = (e: MouseEvent) => {
      const r = canvas.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const pick = (x: number, y: number) => {
      const scene = sceneRef.current;
      if (!scene) return -1;
      const w = screenToWorld(viewportRef.current, x, y);
      return hitTest(scene.grid, scene, w.x, w.y);
    };

    const onPointerDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      const p = local(e);
      press = { x: p.x, y: p.y, lastX: p.x, lastY: p.y, dragged: false };
      canvas.setPointerCapture?.(e.pointerId);
    };
    const onPointerMove = (e: PointerEvent) => {
      const p = local(e);
      if (press) {
        if (
          !press.dragged &&
          Math.hypot(p.x - press.x, p.y - press.y) > CLICK_SLOP_PX
        ) {
          press.dragged = true;
          canvas.style.cursor = 'grabbing';
          latest.current.onHover(-1, p.x, p.y);
        }
        if (press.dragged) {
          viewportRef.current = panBy(
            viewportRef.current,
            p.x - press.lastX,
            p.y - press.lastY,
          );
          press.lastX = p.x;
          press.lastY = p.y;
          requestDraw();
        }
        return;
      }
      const i = pick(p.x, p.y);
      canvas.style.cursor = i >= 0 ? 'pointer' : 'grab';
      if (i !== hovered || i >= 0) latest.current.onHover(i, p.x, p.y);
      hovered = i;
    };
    const onPointerUp = (e: PointerEvent) => {
      if (!press) return;
      const wasDrag = press.dragged;
      press = undefined;
      canvas.style.cursor = 'grab';
      if (!wasDrag) {
        const p = local(e);
        latest.current.onClick(pick(p.x, p.y));
      }
    };
    const onPointerCancel = () => {
      press = undefined;
    };
    const onPointerLeave = () => {
      if (press) return;
      hovered = -1;
      latest.current.onHover(-1, 0, 0);
    };
    const onDoubleClick = (e: MouseEvent) => {
      const p = local(e);
      const i = pick(p.x, p.y);
      if (i >= 0) latest.current.onDoubleClick(i);
    };
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const p = local(e);
      // Pixel and line deltas differ by ~40x; normalising keeps zoom speed even.
      const delta = e.deltaMode === 1 ? e.deltaY * 40 : e.deltaY;
      const factor = Math.exp(-Math.max(-300, Math.min(300, delta)) * 0.0015);
      viewportRef.current = zoomAt(viewportRef.current, factor, p.x, p.y);
      requestZoomDraw();
    };

    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerup', onPointerUp);
    canvas.addEventListener('pointercancel', onPointerCancel);
    canvas.addEventListener('pointerleave', onPointerLeave);
    canvas.addEventListener('dblclick', onDoubleClick);
    // Non-passive, or the page would scroll along with the zoom.
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      canvas.removeEventListener('pointerdown', onPointerDown);
      canvas.removeEventListener('pointermove', onPointerMove);
      canvas.removeEventListener('pointerup', onPointerUp);
      canvas.removeEventListener('pointercancel', onPointerCancel);
      canvas.removeEventListener('pointerleave', onPointerLeave);
      canvas.removeEventListener('dblclick', onDoubleClick);
      canvas.removeEventListener('wheel', onWheel);
    };
  }, [canvasRef, sceneRef, viewportRef, requestDraw, requestZoomDraw]);
}
