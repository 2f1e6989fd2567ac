import { ResponseErrorPanel, WarningPanel } from '@backstage/core-components';
import { ResponseError } from '@backstage/errors';

/** Props of {@link PostureErrorPanel}. */
export interface PostureErrorPanelProps {
  error: Error;
  /** What could not be loaded, e.g. `the security posture report`. */
  what: string;
}

function statusOf(error: Error): number | undefined {
  return ResponseError.is(error) ? error.statusCode : undefined;
}

// The server's own message says why; the ResponseError's own only repeats
// the status line.
function reasonOf(error: Error): string {
  return ResponseError.is(error) && error.cause?.message
    ? error.cause.message
    : error.message;
}

/**
 * A failed request as a readable panel: refusals and missing data are
 * warnings the user can act on, anything else is shown with its details.
 */
export function PostureErrorPanel(props: PostureErrorPanelProps) {
  const status = statusOf(props.error);
  if (status === 403) {
    return (
      <WarningPanel
        severity="warning"
        title={`You are not allowed to read ${props.what}`}
        message={`${reasonOf(
          props.error,
        )}. Ask the platform team for the security-posture.report.read permission.`}
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
