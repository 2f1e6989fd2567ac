import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/**
 * Props of {@link RequestErrorPanel}.
 *
 * @public
 */
export interface RequestErrorPanelProps {
  error: Error;
  /** What could not be loaded, e.g. `the healing history`. */
  what: string;
  /**
   * What to do about a refusal (HTTP 403), e.g. "Ask the platform team for
   * the security-posture.report.read permission."
   */
  forbiddenHint?: string;
}

/**
 * The HTTP status of a failed request, if it was one.
 *
 * @public
 */
export function statusOf(error: Error): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/**
 * The reason a request failed, as the backend put it.
 *
 * @public
 */
export function reasonOf(error: Error): string {
  // The ResponseError's own message only repeats the status line.
  return ResponseError.is(error) && error.cause?.message
    ? error.cause.message
    : error.message;
}

/**
 * A failed request as a readable panel: a refusal, an invalid request and
 * missing data are warnings the user can act on, with the backend's reason;
 * anything else is shown with its details.
 *
 * @public
 */
export function RequestErrorPanel(props: RequestErrorPanelProps) {
  const { error, what, forbiddenHint } = props;
  const status = statusOf(error);
  if (status === 403) {
    return (
      <WarningPanel
        severity="warning"
        title={`You are not allowed to read ${what}`}
        message={`${reasonOf(error)}.${
          forbiddenHint ? ` ${forbiddenHint}` : ''
        }`}
      />
    );
  }
  if (status === 400) {
    return (
      <WarningPanel
        severity="warning"
        title={`The request for ${what} was refused as invalid`}
        message={reasonOf(error)}
      />
    );
  }
  if (status === 404) {
    return (
      <WarningPanel
        severity="info"
        title={`No data for ${what}`}
        message={reasonOf(error)}
      />
    );
  }
  return <ResponseErrorPanel error={error} title={`Could not load ${what}`} />;
}
