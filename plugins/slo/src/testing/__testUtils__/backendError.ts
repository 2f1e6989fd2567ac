import { HttpResponse } from 'msw';

/** A Backstage error body as the backend's error middleware writes it. */
export function backendError(
  status: number,
  name: string,
  message: string,
): Response {
  return HttpResponse.json(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    { status },
  );
}
