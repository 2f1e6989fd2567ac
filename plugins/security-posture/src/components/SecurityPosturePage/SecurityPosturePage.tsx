import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import type {
  PostureOverview,
  ScoredGroup,
} from '@cloud-native-platform/plugin-security-posture-common';
import { securityPostureApiRef } from '../../api';
import { useCheckCatalogue } from '../../lib/useCheckCatalogue';
import { ClusterErrorsWarning } from '../ClusterErrorsWarning';
import { PostureErrorPanel } from '../PostureErrorPanel';
import { ReportSummary } from '../ReportSummary';
import { ScopeFindingsPanel } from '../ScopeFindingsPanel';
import { ScoredGroupTable } from '../ScoredGroupTable';
import { ScoreTrendChart } from '../ScoreTrendChart';
import { TopChecksList } from '../TopChecksList';
import { selectionScope, usePageSelection } from './usePageScope';

/** Days of history the fleet trend covers. */
const TREND_DAYS = 30;

function FleetTrend() {
  const api = useApi(securityPostureApiRef);
  const { value, loading, error } = useAsync(
    () => api.getHistory({}, TREND_DAYS),
    [api],
  );
  return (
    <InfoCard title={`Fleet trend, last ${TREND_DAYS} days`}>
      {loading && <Progress />}
      {error && <PostureErrorPanel error={error} what="the fleet history" />}
      {value && (
        <ScoreTrendChart points={value.points} title="Fleet score trend" />
      )}
    </InfoCard>
  );
}

// A namespace group is named `cluster/namespace`.
function splitNamespace(group: ScoredGroup) {
  const slash = group.name.indexOf('/');
  return slash < 0
    ? { cluster: group.name }
    : {
        cluster: group.name.slice(0, slash),
        namespace: group.name.slice(slash + 1),
      };
}

function FleetOverview(props: { overview: PostureOverview }) {
  const { overview } = props;
  const checks = useCheckCatalogue();
  const [selection, update] = usePageSelection();
  const scope = selectionScope(selection, overview.clusters);
  let scopeName: string | undefined;
  if (scope && 'cluster' in scope) {
    scopeName = [scope.cluster, scope.namespace].filter(Boolean).join('/');
  } else if (scope && 'team' in scope) {
    scopeName = scope.team;
  }
  const readable = overview.clusters.filter(c => !c.error).map(c => c.name);

  return (
    <Grid container spacing={3}>
      {overview.clusters.some(c => c.error) && (
        <Grid item xs={12}>
          <ClusterErrorsWarning
            clusters={overview.clusters.map(c => ({
              cluster: c.name,
              error: c.error,
            }))}
          />
        </Grid>
      )}
      {overview.unattributedFalcoAlerts > 0 && (
        <Grid item xs={12}>
          <WarningPanel
            severity="info"
            title={`${overview.unattributedFalcoAlerts} Falco alert${
              overview.unattributedFalcoAlerts === 1 ? '' : 's'
            } named no known cluster`}
          >
            They count for no workload. Post them with{' '}
            <code>?cluster=&lt;name&gt;</code> on the webhook URL, a{' '}
            <code>cluster:&lt;name&gt;</code> tag or the{' '}
            <code>k8s.cluster.name</code> output field, naming a cluster of{' '}
            <code>cloudNativePlatform.clusters</code>.
          </WarningPanel>
        </Grid>
      )}
      <Grid item xs={12} md={5}>
        <InfoCard title="Fleet score">
          <ReportSummary
            score={overview.score}
            counts={overview.counts}
            exceptedCount={overview.exceptedCount}
            generatedAt={overview.generatedAt}
            meshCoverage={overview.meshCoverage}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <FleetTrend />
      </Grid>
      {/* Full width below 1920 px: the findings chips need the room. */}
      <Grid item xs={12} xl={7}>
        <InfoCard title="Clusters">
          <ScoredGroupTable
            title="Clusters"
            groups={overview.clusters}
            showRole
            selected={
              scope && 'cluster' in scope && !scope.namespace
                ? scope.cluster
                : undefined
            }
            onSelect={c =>
              update({ cluster: c.name, namespace: undefined, team: undefined })
            }
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} xl={5}>
        <InfoCard title="Top failing checks">
          <TopChecksList
            checks={overview.topChecks}
            selected={selection.check}
            onSelect={check => update({ check })}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Namespaces, worst first">
          <ScoredGroupTable
            title="Namespaces"
            groups={overview.namespaces}
            selected={scopeName}
            onSelect={n => update({ ...splitNamespace(n), team: undefined })}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Teams, worst first">
          <ScoredGroupTable
            title="Teams"
            groups={overview.teams}
            selected={scopeName}
            onSelect={t =>
              update({ team: t.name, cluster: undefined, namespace: undefined })
            }
            renderName={t => <EntityRefLink entityRef={t.name} />}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ScopeFindingsPanel
          scope={scope}
          clusters={readable}
          onClusterChange={cluster =>
            update({ cluster, namespace: undefined, team: undefined })
          }
          checkId={selection.check}
          onCheckIdChange={check => update({ check })}
          checks={checks}
        />
      </Grid>
    </Grid>
  );
}

function SecurityPostureView() {
  const api = useApi(securityPostureApiRef);
  const { value, loading, error } = useAsync(() => api.getOverview(), [api]);
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <PostureErrorPanel error={error} what="the security posture overview" />
    );
  }
  return value ? <FleetOverview overview={value} /> : null;
}

// The selection lives in the query string through React Router. The adapter
// gives the view a router scoped to the page in the new frontend system and
// renders its children untouched in the legacy one.

/**
 * The fleet's security posture, without the page header. The new frontend
 * system draws the header around it.
 */
export function SecurityPostureContent() {
  return (
    <ReactRouterV6PageRouter>
      <Content>
        <SecurityPostureView />
      </Content>
    </ReactRouterV6PageRouter>
  );
}

/** The security posture page with its header, for the legacy frontend system. */
export function SecurityPosturePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Security posture"
        subtitle="Scores and findings of every cluster, namespace and team of the fleet"
      />
      <SecurityPostureContent />
    </Page>
  );
}
