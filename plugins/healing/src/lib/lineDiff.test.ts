import { riskServiceRestart, zoneFailureShift } from '../testing/fixtures';
import { diffStats, lineDiff } from './lineDiff';

const compact = (before?: string, after?: string) =>
  lineDiff(before, after).map(
    l => `${{ same: ' ', added: '+', removed: '-' }[l.type]}${l.text}`,
  );

describe('lineDiff', () => {
  it('shows an added annotation between unchanged lines', () => {
    const lines = lineDiff(
      riskServiceRestart.change!.before,
      riskServiceRestart.change!.after,
    );
    expect(lines.map(l => l.type)).toEqual([
      'same',
      'same',
      'same',
      'same',
      'same',
      'added',
    ]);
    expect(lines[5]).toEqual({
      type: 'added',
      text: '        kubectl.kubernetes.io/restartedAt: "2026-11-27T08:14:14Z"',
      newNumber: 6,
    });
    expect(lines[4]).toMatchObject({ oldNumber: 5, newNumber: 5 });
  });

  it('pairs each changed weight as a removal then an addition', () => {
    expect(
      compact(zoneFailureShift.change!.before, zoneFailureShift.change!.after),
    ).toEqual([
      ' spec:',
      '   http:',
      '   - route:',
      '     - destination: { host: trading-engine.prod-east-a.global }',
      '-      weight: 50',
      '+      weight: 0',
      '     - destination: { host: trading-engine.prod-east-b.global }',
      '-      weight: 50',
      '+      weight: 100',
    ]);
  });

  it('numbers both sides through a mixed change', () => {
    const before = 'a: 1\nb: 2\nc: 3\nd: 4\n';
    const after = 'a: 1\nc: 3\nc2: 3.5\nd: 5\n';
    const lines = lineDiff(before, after);
    expect(compact(before, after)).toEqual([
      ' a: 1',
      '-b: 2',
      ' c: 3',
      '-d: 4',
      '+c2: 3.5',
      '+d: 5',
    ]);
    expect(lines.map(l => [l.oldNumber, l.newNumber])).toEqual([
      [1, 1],
      [2, undefined],
      [3, 2],
      [4, undefined],
      [undefined, 3],
      [undefined, 4],
    ]);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 2 });
  });

  it('treats a missing side as empty and ignores CRLF and the final newline', () => {
    expect(compact(undefined, 'spec:\n  replicas: 140\n')).toEqual([
      '+spec:',
      '+  replicas: 140',
    ]);
    expect(compact('spec:\r\n  replicas: 100\r\n', undefined)).toEqual([
      '-spec:',
      '-  replicas: 100',
    ]);
    expect(compact('a\nb', 'a\nb\n')).toEqual([' a', ' b']);
    expect(lineDiff(undefined, undefined)).toEqual([]);
  });
});
