import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import type { SloObjective } from '@cloud-native-platform/plugin-slo-common';
import { sloApiRef } from '../../api';
import { SloBudgetTrend } from '../SloBudgetTrend';
import {
  BURN_THRESHOLDS,
  SLO_FORBIDDEN_HINT,
  SloReadErrors,
} from '../SloFigures';
import { SloClustersTable } from './SloClustersTable';
import { SloTable } from './SloTable';

const legend = `Burn rates are highlighted from the multi-window alert thresholds: ${BURN_THRESHOLDS.map(
  t => t.meaning,
).join('; ')}.`;

function SloDetails(props: { entityRef: string; slo: SloObjective }) {
  const { entityRef, slo } = props;
  return (
    <InfoCard
      title={slo.name}
      subheader={`${slo.kind} SLO of ${slo.service} from ${slo.source}, defined in ${slo.definedIn}`}
    >
      <Grid container spacing={3}>
        <Grid item xs={12} md={7}>
          <Typography variant="subtitle2" component="h3">
            Error budget over {slo.window}
          </Typography>
          <SloBudgetTrend entityRef={entityRef} name={slo.name} />
        </Grid>
        <Grid item xs={12} md={5}>
          <Typography variant="subtitle2" component="h3">
            Clusters
          </Typography>
          <SloClustersTable slo={slo} />
        </Grid>
      </Grid>
      <Typography variant="body2" color="textSecondary">
        {slo.alerting.rules.length > 0
          ? `Burn-rate alert rules: ${slo.alerting.rules.join(', ')}.`
          : 'The definition declares no burn-rate alert rules.'}
      </Typography>
    </InfoCard>
  );
}

/**
 * The "SLOs" entity tab: every SLO of the entity with its budget, burn
 * rates, status, alerts and latency; the selected one's budget trend and
 * per-cluster shares.
 */
export function EntitySloContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(sloApiRef);
  const [selected, select] = useState<string>();
  const { value, loading, error } = useAsync(
    () => api.getObjectives({ entityRef }),
    [api, entityRef],
  );

  if (loading) return <Progress />;
  if (error) {
    return (
      <RequestErrorPanel
        error={error}
        what={`the SLOs of ${entity.metadata.name}`}
        forbiddenHint={SLO_FORBIDDEN_HINT}
      />
    );
  }
  if (!value) return null;

  if (value.items.length === 0) {
    return (
      <>
        <SloReadErrors errors={value.errors} />
        <EmptyState
          missing="info"
          title={`No service level objectives for ${entity.metadata.name}`}
          description="Declare one with the cloud-native-platform.io/slo-availability or slo-latency-p99-ms annotation, or deploy a generated, Sloth or Pyrra SLO for its workloads."
        />
      </>
    );
  }

  const current =
    value.items.find(slo => slo.name === selected) ?? value.items[0];
  return (
    <Grid container spacing={3}>
      {value.errors && value.errors.length > 0 && (
        <Grid item xs={12}>
          <SloReadErrors errors={value.errors} />
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="Service level objectives">
          <SloTable
            items={value.items}
            selected={current.name}
            onSelect={select}
          />
          <Typography variant="caption" color="textSecondary" component="p">
            {legend}
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <SloDetails entityRef={entityRef} slo={current} />
      </Grid>
    </Grid>
  );
}
