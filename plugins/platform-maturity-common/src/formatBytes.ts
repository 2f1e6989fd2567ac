const BINARY_UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];

/**
 * A byte count in binary units with one decimal (`1.5 GiB`, `512.0 MiB`),
 * or in whole bytes below 1 KiB (`512 B`): how memory figures are worded.
 *
 * @public
 */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 'B';
  for (const next of BINARY_UNITS) {
    if (Math.abs(value) < 1024) break;
    value /= 1024;
    unit = next;
  }
  return unit === 'B'
    ? `${Math.round(value)} B`
    : `${value.toFixed(1)} ${unit}`;
}
