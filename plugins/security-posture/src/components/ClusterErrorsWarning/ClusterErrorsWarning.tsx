import { WarningPanel } from '@backstage/core-components';

/** Props of {@link ClusterErrorsWarning}. */
export interface ClusterErrorsWarningProps {
  clusters: ReadonlyArray<{ cluster: string; error?: string }>;
}

/**
 * Names the clusters a report could not read: its score leaves them out, so
 * a good score may hide what those clusters run.
 */
export function ClusterErrorsWarning(props: ClusterErrorsWarningProps) {
  const failed = props.clusters.filter(c => c.error);
  if (failed.length === 0) {
    return null;
  }
  const names = failed.map(c => c.cluster).join(', ');
  return (
    <WarningPanel
      severity="warning"
      title={`Not included, could not be read: ${names}`}
    >
      <ul>
        {failed.map(c => (
          <li key={c.cluster}>
            {c.cluster}: {c.error}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
