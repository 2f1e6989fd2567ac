import { WarningPanel } from '@backstage/core-components';
import {
  reasonOf,
  RequestErrorPanel,
  statusOf,
} from '../RequestErrorPanel/RequestErrorPanel';

/**
 * Props of {@link PodLogsErrorPanel}.
 *
 * @public
 */
export interface PodLogsErrorPanelProps {
  error: Error;
  cluster: string;
  pod: string;
}

/**
 * A failed read of a pod's logs: a refusal names the cluster whose logs the
 * user may not read; a bad request (an unknown container, a cluster without
 * logs) shows the backend's reason.
 *
 * @public
 */
export function PodLogsErrorPanel(props: PodLogsErrorPanelProps) {
  const { error, cluster, pod } = props;
  if (statusOf(error) === 403) {
    return (
      <WarningPanel
        severity="warning"
        title={`You may not read logs of cluster ${cluster}`}
        message={`${reasonOf(
          error,
        )}. Ask the platform team for the cluster-topology.logs.read permission.`}
      />
    );
  }
  return <RequestErrorPanel error={error} what={`the logs of ${pod}`} />;
}
