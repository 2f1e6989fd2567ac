/** Maps world to screen: `screen = world * scale + t`, in CSS pixels. */
export interface Viewport {
  scale: number;
  tx: number;
  ty: number;
}

/** A rectangle in world or screen units. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Zoom limits: far enough out for 10,000 nodes, close enough to read pod names. */
export const MIN_SCALE = 0.01;
export const MAX_SCALE = 6;

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Viewport that shows all of `bounds` centred in a `width` × `height` screen. */
export function fitViewport(
  bounds: Rect,
  width: number,
  height: number,
  margin = 24,
): Viewport {
  const availW = Math.max(1, width - 2 * margin);
  const availH = Math.max(1, height - 2 * margin);
  const scale = clampScale(
    Math.min(
      availW / Math.max(1, bounds.w),
      availH / Math.max(1, bounds.h),
      1.5,
    ),
  );
  return {
    scale,
    tx: (width - bounds.w * scale) / 2 - bounds.x * scale,
    ty: (height - bounds.h * scale) / 2 - bounds.y * scale,
  };
}

/** Zooms by `factor` keeping the world point under (`sx`, `sy`) in place. */
export function zoomAt(
  v: Viewport,
  factor: number,
  sx: number,
  sy: number,
): Viewport {
  const scale = clampScale(v.scale * factor);
  const k = scale / v.scale;
  return { scale, tx: sx - (sx - v.tx) * k, ty: sy - (sy - v.ty) * k };
}

/** Shifts the view by a screen-space delta. */
export function panBy(v: Viewport, dx: number, dy: number): Viewport {
  return { scale: v.scale, tx: v.tx + dx, ty: v.ty + dy };
}

/** World coordinates of a screen point. */
export function screenToWorld(
  v: Viewport,
  sx: number,
  sy: number,
): { x: number; y: number } {
  return { x: (sx - v.tx) / v.scale, y: (sy - v.ty) / v.scale };
}

/** The world rectangle a `width` × `height` screen shows. */
export function visibleWorld(v: Viewport, width: number, height: number): Rect {
  return {
    x: -v.tx / v.scale,
    y: -v.ty / v.scale,
    w: width / v.scale,
    h: height / v.scale,
  };
}
