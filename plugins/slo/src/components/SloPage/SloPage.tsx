import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import type { SloObjectivesResponse } from '@cloud-native-platform/plugin-slo-common';
import { sloApiRef } from '../../api';
import { SLO_FORBIDDEN_HINT, SloReadErrors } from '../SloFigures';
import { TeamsTable } from './TeamsTable';
import { teamBudgets } from './teamBudgets';
import { WorstBurnersTable } from './WorstBurnersTable';
import { worstBurners } from './worstBurners';

function FleetSummary(props: { value: SloObjectivesResponse }) {
  const { items } = props.value;
  const teams = new Set(items.flatMap(slo => (slo.team ? [slo.team] : [])));
  const count = (status: string) =>
    items.filter(slo => slo.status === status).length;
  const plural = (n: number, word: string) =>
    `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    <Typography>
      {`${plural(items.length, 'SLO')} of ${plural(teams.size, 'team')}: `}
      {`${count('ok')} ok, ${count('burning')} burning, `}
      {`${count('exhausted')} exhausted, ${count('no-data')} without data.`}
    </Typography>
  );
}

function SloFleetView() {
  const api = useApi(sloApiRef);
  const { value, loading, error } = useAsync(() => api.getObjectives(), [api]);

  if (loading) return <Progress />;
  if (error) {
    return (
      <RequestErrorPanel
        error={error}
        what="the fleet's SLOs"
        forbiddenHint={SLO_FORBIDDEN_HINT}
      />
    );
  }
  if (!value) return null;

  return (
    <Grid container spacing={3}>
      {value.errors && value.errors.length > 0 && (
        <Grid item xs={12}>
          <SloReadErrors errors={value.errors} />
        </Grid>
      )}
      {value.items.length === 0 ? (
        <Grid item xs={12}>
          <EmptyState
            missing="info"
            title="No service level objectives yet"
            description="SLOs come from generated PrometheusRules, Sloth and Pyrra definitions in the clusters, and from the cloud-native-platform.io/slo-availability and slo-latency-p99-ms annotations of catalog components."
          />
        </Grid>
      ) : (
        <>
          <Grid item xs={12}>
            <FleetSummary value={value} />
          </Grid>
          <Grid item xs={12}>
            <TeamsTable rows={teamBudgets(value.items)} />
          </Grid>
          <Grid item xs={12}>
            <WorstBurnersTable rows={worstBurners(value.items)} />
          </Grid>
        </>
      )}
    </Grid>
  );
}

/** The fleet's SLOs without the page header, which the new frontend system draws. */
export function SloContent() {
  return (
    <Content>
      <SloFleetView />
    </Content>
  );
}

/** The `/slo` page with its header, for the legacy frontend system. */
export function SloPage() {
  return (
    <Page themeId="tool">
      <Header
        title="SLOs"
        subtitle="Every team's error budget and the fleet's worst burners"
      />
      <SloContent />
    </Page>
  );
}
