import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { RequestErrorPanel } from './RequestErrorPanel';

jest.setTimeout(30_000);

async function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'Content-Type': 'application/json' } },
    ) as any,
  );
}

describe('RequestErrorPanel', () => {
  it.each([
    [403, 'NotAllowedError', /You are not allowed to read the healing history/],
    [
      400,
      'InputError',
      /The request for the healing history was refused as invalid/,
    ],
    [404, 'NotFoundError', /No data for the healing history/],
    [500, 'Error', /Could not load the healing history/],
  ])('names the problem of a %s', async (status, name, title) => {
    const error = await responseError(status, name, 'engine store is down');
    await renderInTestApp(
      <RequestErrorPanel error={error} what="the healing history" />,
    );
    expect(screen.getByText(title)).toBeInTheDocument();
    expect(screen.getAllByText(/engine store is down/).length).toBeGreaterThan(
      0,
    );
  });

  it('says what to do about a refusal', async () => {
    const error = await responseError(403, 'NotAllowedError', 'not permitted');
    await renderInTestApp(
      <RequestErrorPanel
        error={error}
        what="the report"
        forbiddenHint="Ask the platform team for access."
      />,
    );
    expect(
      screen.getAllByText(/not permitted\. Ask the platform team for access\./)
        .length,
    ).toBeGreaterThan(0);
  });

  it('shows an error that is not a response', async () => {
    await renderInTestApp(
      <RequestErrorPanel
        error={new TypeError('Failed to fetch')}
        what="the healing history"
      />,
    );
    expect(
      screen.getByText(/Could not load the healing history/),
    ).toBeInTheDocument();
  });
});
