import {
  parsePodLogLine,
  parsePodLogText,
  podLogsSearchParams,
  PodLogStreamParser,
} from './logs';

describe('podLogsSearchParams', () => {
  it('sends the query in a fixed order, flags only when true', () => {
    const params = podLogsSearchParams({
      source: 'loki',
      end: '2026-11-26T10:05:00Z',
      start: '2026-11-26T09:55:00Z',
      follow: false,
      previous: true,
      tailLines: 500,
      container: '',
      pod: 'risk-service-7c9f-x2k4p',
      namespace: 'trading',
      cluster: 'prod-east-b',
    });
    expect(params.toString()).toBe(
      'cluster=prod-east-b&namespace=trading&pod=risk-service-7c9f-x2k4p' +
        '&previous=true&tailLines=500&start=2026-11-26T09%3A55%3A00Z' +
        '&end=2026-11-26T10%3A05%3A00Z&source=loki',
    );
  });
});

describe('parsePodLogText', () => {
  it('splits each line at its first space, keeping the text as written', () => {
    expect(
      parsePodLogText(
        '2026-11-26T09:58:00.123456789Z GET /quote 200  12ms\n' +
          '2026-11-26T09:58:01Z\n' +
          '2026-11-26T09:58:02Z password=[redacted] retry\n',
      ),
    ).toEqual([
      {
        timestamp: '2026-11-26T09:58:00.123456789Z',
        text: 'GET /quote 200  12ms',
      },
      { timestamp: '2026-11-26T09:58:01Z', text: '' },
      { timestamp: '2026-11-26T09:58:02Z', text: 'password=[redacted] retry' },
    ]);
  });

  it('reads an empty answer as no lines and CRLF like LF', () => {
    expect(parsePodLogText('')).toEqual([]);
    expect(parsePodLogText('t1 a\r\nt2 b')).toEqual([
      { timestamp: 't1', text: 'a' },
      { timestamp: 't2', text: 'b' },
    ]);
    expect(parsePodLogLine('t3  indented')).toEqual({
      timestamp: 't3',
      text: ' indented',
    });
  });
});

describe('PodLogStreamParser', () => {
  it('completes events across chunk boundaries', () => {
    const parser = new PodLogStreamParser();
    expect(parser.push('data: t1 fir')).toEqual([]);
    expect(parser.push('st\n\nda')).toEqual([
      { event: 'message', data: 't1 first' },
    ]);
    expect(parser.push('ta: t2 second\r\n\r\n: keep-alive\n\n')).toEqual([
      { event: 'message', data: 't2 second' },
    ]);
    expect(
      parser.push('event: end\ndata: {"reason":"duration"}\n\ndata: t3\n'),
    ).toEqual([{ event: 'end', data: '{"reason":"duration"}' }]);
    expect(parser.push('\n')).toEqual([{ event: 'message', data: 't3' }]);
  });

  it('joins multi-line data and ignores unknown fields', () => {
    const parser = new PodLogStreamParser();
    expect(parser.push('id: 4\nretry: 10\ndata: a\ndata: b\n\n')).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });
});
