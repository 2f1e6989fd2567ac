import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import { LogLinesView } from './LogLinesView';
import { PodLogsErrorPanel } from './PodLogsErrorPanel';

jest.setTimeout(30_000);

const lines = [
  { timestamp: '2026-11-26T09:58:00Z', text: 'starting risk-service' },
  { timestamp: '2026-11-26T09:58:01Z', text: 'GET /quote 200' },
  { timestamp: '2026-11-26T09:58:02Z', text: 'Timeout talking to pricing' },
  { timestamp: '2026-11-26T09:58:03Z', text: 'retry after timeout: ok' },
];

describe('LogLinesView', () => {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:logs');
  const revokeObjectURL = jest.fn();

  beforeAll(() => {
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  });

  afterEach(() => jest.clearAllMocks());

  it('filters the lines by the search and highlights it', async () => {
    await renderInTestApp(
      <LogLinesView lines={lines} label="Log lines" fileName="a.log" />,
    );
    const list = screen.getByRole('list', { name: 'Log lines' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByRole('status')).toHaveTextContent('4 lines');

    fireEvent.change(screen.getByLabelText('Search the lines'), {
      target: { value: 'TIMEOUT' },
    });

    const items = within(list).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      '2026-11-26T09:58:02ZTimeout talking to pricing',
      '2026-11-26T09:58:03Zretry after timeout: ok',
    ]);
    expect(
      Array.from(list.querySelectorAll('mark')).map(m => m.textContent),
    ).toEqual(['Timeout', 'timeout']);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 4 lines match');

    fireEvent.change(screen.getByLabelText('Search the lines'), {
      target: { value: 'nothing like it' },
    });
    expect(screen.getByText('No line matches the search.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download' })).toBeDisabled();
  });

  it('downloads the lines shown as a file of the given name', async () => {
    const clicked: HTMLAnchorElement[] = [];
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function capture(this: HTMLAnchorElement) {
        clicked.push(this);
      });
    await renderInTestApp(
      <LogLinesView
        lines={lines}
        label="Log lines"
        fileName="risk-service-7c9f.log"
      />,
    );
    fireEvent.change(screen.getByLabelText('Search the lines'), {
      target: { value: 'timeout' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));

    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('risk-service-7c9f.log');
    expect(clicked[0].href).toBe('blob:logs');
    const blob = createObjectURL.mock.calls[0][0];
    expect(blob.type).toBe('text/plain;charset=utf-8');
    await expect(blob.text()).resolves.toBe(
      '2026-11-26T09:58:02Z Timeout talking to pricing\n' +
        '2026-11-26T09:58:03Z retry after timeout: ok\n',
    );
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:logs');
    click.mockRestore();
  });

  it('says so when there is no line', async () => {
    await renderInTestApp(
      <LogLinesView
        lines={[]}
        label="Log lines"
        fileName="a.log"
        emptyMessage="No lines in this window."
      />,
    );
    expect(screen.getByText('No lines in this window.')).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });
});

describe('PodLogsErrorPanel', () => {
  async function responseError(status: number, message: string) {
    return ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'Error', message },
          response: { statusCode: status },
        }),
        { status, headers: { 'Content-Type': 'application/json' } },
      ),
    );
  }

  it('names the cluster whose logs the user may not read', async () => {
    const error = await responseError(403, 'cluster-topology.logs.read denied');
    await renderInTestApp(
      <PodLogsErrorPanel error={error} cluster="prod-east-b" pod="p-1" />,
    );
    expect(
      screen.getByText(/You may not read logs of cluster prod-east-b$/),
    ).toBeInTheDocument();
  });

  it("shows the backend's reason for a bad request", async () => {
    const error = await responseError(
      400,
      "cluster 'demo' reads manifests and declares no loki.url: its logs cannot be read",
    );
    await renderInTestApp(
      <PodLogsErrorPanel error={error} cluster="demo" pod="p-1" />,
    );
    expect(
      screen.getByText(/The request for the logs of p-1 was refused/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/declares no loki\.url: its logs cannot be read/),
    ).toBeInTheDocument();
  });
});
