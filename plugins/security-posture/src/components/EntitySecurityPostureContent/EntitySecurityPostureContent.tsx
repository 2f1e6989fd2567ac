import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { securityPostureApiRef } from '../../api';
import { useCheckCatalogue } from '../../lib/useCheckCatalogue';
import { ClusterErrorsWarning } from '../ClusterErrorsWarning';
import { PostureErrorPanel } from '../PostureErrorPanel';
import { ReportExportButtons, exportFileName } from '../ReportExportButtons';
import { ReportFindings } from '../ReportFindings';
import { ReportSummary } from '../ReportSummary';
import { ScoreTrendChart } from '../ScoreTrendChart';

/** Days of history the entity's trend covers. */
const TREND_DAYS = 30;

function EntityTrend(props: { entityRef: string }) {
  const api = useApi(securityPostureApiRef);
  const { value, loading, error } = useAsync(
    () => api.getHistory({ entityRef: props.entityRef }, TREND_DAYS),
    [api, props.entityRef],
  );
  return (
    <InfoCard title={`Trend, last ${TREND_DAYS} days`}>
      {loading && <Progress />}
      {error && <PostureErrorPanel error={error} what="the score history" />}
      {value && (
        <ScoreTrendChart
          points={value.points}
          title="Score trend of this entity"
        />
      )}
    </InfoCard>
  );
}

/**
 * The "Security" tab of an entity: its score, findings grouped by check with
 * filters and exceptions, its trend, and exports.
 */
export function EntitySecurityPostureContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(securityPostureApiRef);
  const checks = useCheckCatalogue();
  const {
    value: report,
    loading,
    error,
  } = useAsync(() => api.getReport({ entityRef }), [api, entityRef]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <PostureErrorPanel
        error={error}
        what={`the security posture of ${entityRef}`}
      />
    );
  }
  if (!report) {
    return null;
  }

  return (
    <Grid container spacing={3} alignItems="stretch">
      {report.clusters.some(c => c.error) && (
        <Grid item xs={12}>
          <ClusterErrorsWarning clusters={report.clusters} />
        </Grid>
      )}
      <Grid item xs={12} md={6}>
        <InfoCard title="Security posture">
          <ReportSummary
            score={report.score}
            counts={report.counts}
            exceptedCount={report.exceptedCount}
            generatedAt={report.generatedAt}
            meshCoverage={report.meshCoverage}
          />
          <br />
          <ReportExportButtons
            report={report}
            fileName={exportFileName(report.scope)}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <EntityTrend entityRef={entityRef} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Findings">
          <ReportFindings
            findings={report.findings}
            checks={checks}
            multiCluster
          />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
