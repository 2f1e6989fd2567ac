import { useId } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import type { CheckDefinition } from '@cloud-native-platform/plugin-security-posture-common';
import { PostureScope, securityPostureApiRef } from '../../api';
import { ClusterErrorsWarning } from '../ClusterErrorsWarning';
import { PostureErrorPanel } from '../PostureErrorPanel';
import { ReportExportButtons, exportFileName } from '../ReportExportButtons';
import { ReportFindings } from '../ReportFindings';
import { ReportSummary } from '../ReportSummary';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  select: {
    minWidth: 200,
  },
}));

/** Props of {@link ScopeFindingsPanel}. */
export interface ScopeFindingsPanelProps {
  scope?: PostureScope;
  /** Readable clusters, for the cluster select. */
  clusters: string[];
  onClusterChange(cluster: string | undefined): void;
  checkId?: string;
  onCheckIdChange(checkId: string | undefined): void;
  checks?: ReadonlyMap<string, CheckDefinition>;
}

function describeScope(scope: PostureScope): string {
  if ('team' in scope) {
    return scope.team;
  }
  if ('cluster' in scope) {
    return scope.namespace
      ? `${scope.cluster}/${scope.namespace}`
      : scope.cluster;
  }
  return scope.entityRef;
}

function ScopeReport(props: ScopeFindingsPanelProps & { scope: PostureScope }) {
  const api = useApi(securityPostureApiRef);
  const classes = useStyles();
  const key = JSON.stringify(props.scope);
  const { value, loading, error } = useAsync(
    () => api.getReport(props.scope),
    // The scope is a fresh object on each render; its content is what counts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <PostureErrorPanel
        error={error}
        what={`the report of ${describeScope(props.scope)}`}
      />
    );
  }
  if (!value) {
    return null;
  }
  return (
    <>
      <ClusterErrorsWarning clusters={value.clusters} />
      <div className={classes.header}>
        <ReportSummary
          score={value.score}
          counts={value.counts}
          exceptedCount={value.exceptedCount}
          generatedAt={value.generatedAt}
          meshCoverage={value.meshCoverage}
        />
        <ReportExportButtons
          report={value}
          fileName={exportFileName(value.scope)}
        />
      </div>
      <ReportFindings
        findings={value.findings}
        checks={props.checks}
        checkId={props.checkId}
        onCheckIdChange={props.onCheckIdChange}
        multiCluster={!('cluster' in props.scope)}
      />
    </>
  );
}

/** The report of a cluster, namespace or team, picked on the page. */
export function ScopeFindingsPanel(props: ScopeFindingsPanelProps) {
  const classes = useStyles();
  const id = useId();
  const selectedCluster =
    props.scope && 'cluster' in props.scope ? props.scope.cluster : '';
  return (
    <InfoCard
      title={
        props.scope ? `Findings of ${describeScope(props.scope)}` : 'Findings'
      }
    >
      <div className={classes.header}>
        <TextField
          select
          className={classes.select}
          id={`${id}-cluster`}
          label="Cluster"
          size="small"
          value={selectedCluster}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e => props.onClusterChange(e.target.value || undefined)}
        >
          <option value="">Choose a cluster</option>
          {props.clusters.map(c => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </TextField>
      </div>
      {props.scope && (
        // A new scope starts with fresh filters: the old ones may name
        // clusters or categories the new report does not have.
        <ScopeReport
          key={JSON.stringify(props.scope)}
          {...props}
          scope={props.scope}
        />
      )}
    </InfoCard>
  );
}
