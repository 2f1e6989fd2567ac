import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('words byte counts in binary units with one decimal', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1024)).toBe('1.0 KiB');
    expect(formatBytes(512 * 1024 ** 2)).toBe('512.0 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.5 GiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.0 TiB');
    expect(formatBytes(4 * 1024 ** 6)).toBe('4.0 EiB');
  });

  it('keeps decimal quantities in binary units', () => {
    expect(formatBytes(129e6)).toBe('123.0 MiB');
  });
});
