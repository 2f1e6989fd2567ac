import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** Props of {@link HealingErrorPanel}. */
export interface HealingErrorPanelProps {
  error: Error;
  /** What could not be loaded, e.g. `the healing history`. */
  what: string;
}

/** The HTTP status of a failed request, if it was one. */
export function statusOf(error: Error): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

/** The reason a request failed, as the backend put it. */
export function reasonOf(error: Error): string {
  // The ResponseError's own message only repeats the status line.
  return ResponseError.is(error) && error.cause?.message
    ? error.cause.message
    : error.message;
}

/**
 * A failed request as a readable panel: refusals and missing data are
 * warnings the user can act on, anything else is shown with its details.
 */
export function HealingErrorPanel(props: HealingErrorPanelProps) {
  const status = statusOf(props.error);
  if (status === 403) {
    return (
      <WarningPanel
        severity="warning"
        title={`You are not allowed to read ${props.what}`}
        message={`${reasonOf(
          props.error,
        )}. Ask the platform team for access to the healing history.`}
      />
    );
  }
  if (status === 400) {
    return (
      <WarningPanel
        severity="warning"
        title={`The request for ${props.what} was refused as invalid`}
        message={reasonOf(props.error)}
      />
    );
  }
  if (status === 404) {
    return (
      <WarningPanel
        severity="info"
        title={`No data for ${props.what}`}
        message={reasonOf(props.error)}
      />
    );
  }
  return (
    <ResponseErrorPanel
      error={props.error}
      title={`Could not load ${props.what}`}
    />
  );
}
