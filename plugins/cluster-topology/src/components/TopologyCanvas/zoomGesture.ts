/**
 * No zoom event for this long ends a zoom gesture. A wheel being spun or a
 * trackpad pinch sends an event every frame or few, and a mouse wheel's
 * notches come well within it; much longer and the blurred preview lingers
 * after the hand has stopped.
 */
export const ZOOM_SETTLE_MS = 120;

/** Whether a zoom gesture is in progress; see {@link createZoomGesture}. */
export interface ZoomGesture {
  readonly active: boolean;
  /** A zoom event: starts the gesture or extends it by the settle time. */
  zoomed(): void;
  /** Ends the gesture without calling back, as on unmount. */
  cancel(): void;
}

/** Tracks zoom gestures, calling `onSettle` once each has seen no event for `settleMs`. */
export function createZoomGesture(
  onSettle: () => void,
  settleMs = ZOOM_SETTLE_MS,
): ZoomGesture {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    get active() {
      return timer !== undefined;
    },
    zoomed() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        onSettle();
      }, settleMs);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
