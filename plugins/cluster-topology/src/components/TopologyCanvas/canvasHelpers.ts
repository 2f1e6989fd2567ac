import type { Theme } from '@material-ui/core/styles';
import type { DrawTheme } from './drawTypes';
import type { Scene } from './scene';

/** A graph change that replaces more than this share of nodes re-fits the view. */
export const REFIT_SHARE = 0.3;
const KEY_PAN_PX = 60;
/** Zoom factor of one button press or key stroke. */
export const ZOOM_STEP = 1.25;

/** Canvas colours derived from the MUI theme, so dark mode works. */
export function drawThemeOf(theme: Theme): DrawTheme {
  const dark = theme.palette.type === 'dark';
  return {
    text: theme.palette.text.primary,
    textMuted: theme.palette.text.secondary,
    containerFill: dark ? 'rgba(255,255,255,0.045)' : 'rgba(0,0,0,0.035)',
    containerStroke: theme.palette.divider,
    selection: theme.palette.primary.main,
    highlight: '#ffb300',
    badgeFill: dark ? '#eceff1' : '#37474f',
    badgeText: dark ? '#263238' : '#ffffff',
    background: theme.palette.background.paper,
  };
}

/** Share of ids that appeared or disappeared between two scenes. */
export function changedShare(
  prev: Map<string, number>,
  next: Map<string, number>,
): number {
  let changed = 0;
  for (const id of next.keys()) if (!prev.has(id)) changed++;
  for (const id of prev.keys()) if (!next.has(id)) changed++;
  return changed / Math.max(1, prev.size, next.size);
}

/** Search hits as a byte per node index, or null when nothing is searched. */
export function highlightMask(
  scene: Scene | undefined,
  ids?: Set<string>,
): Uint8Array | null {
  if (!scene || !ids || ids.size === 0) return null;
  const mask = new Uint8Array(scene.count);
  for (const id of ids) {
    const i = scene.indexById.get(id);
    if (i !== undefined) mask[i] = 1;
  }
  return mask;
}

/** What a key press on the canvas asks for. */
export type KeyCommand =
  | { pan: [number, number] }
  | { zoom: number }
  | 'fit'
  | 'clear'
  | 'open';

/** Maps a `KeyboardEvent.key` to a command; undefined leaves the key alone. */
export function keyCommand(key: string): KeyCommand | undefined {
  switch (key) {
    case 'ArrowLeft':
      return { pan: [KEY_PAN_PX, 0] };
    case 'ArrowRight':
      return { pan: [-KEY_PAN_PX, 0] };
    case 'ArrowUp':
      return { pan: [0, KEY_PAN_PX] };
    case 'ArrowDown':
      return { pan: [0, -KEY_PAN_PX] };
    case '+':
    case '=':
      return { zoom: ZOOM_STEP };
    case '-':
    case '_':
      return { zoom: 1 / ZOOM_STEP };
    case '0':
      return 'fit';
    case 'Escape':
      return 'clear';
    case 'Enter':
      return 'open';
    default:
      return undefined;
  }
}
