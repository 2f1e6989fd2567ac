import useAsync from 'react-use/esm/useAsync';
import { Content, Header, Page, Progress } from '@backstage/core-components';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { platformMaturityApiRef, MaturityLeaderboard } from '../../api';
import { ComponentsTable } from './ComponentsTable';
import { GroupTable } from './GroupTable';
import { MaturityTrendCard } from './MaturityTrendCard';
import {
  MaturityScope,
  scopeName,
  scopeRef,
  scopeSubject,
} from './maturityScope';
import { TeamComponentsCard } from './TeamComponentsCard';
import { useMaturityScope } from './useMaturityScope';

function FleetSummary(props: { value: MaturityLeaderboard }) {
  const { fleet } = props.value;
  return (
    <Typography>
      Fleet score {fleet.score} over {fleet.entities} components
      {fleet.notDeployed > 0 && `, ${fleet.notDeployed} of them not deployed`}.
      Scores are computed from the live cluster state; a snapshot is stored
      every hour for the trend.
    </Typography>
  );
}

function ScopeBar(props: {
  scope: MaturityScope;
  onSelect(scope: MaturityScope): void;
}) {
  const { scope, onSelect } = props;
  const fleet = scope.type === 'fleet';
  return (
    <Box display="flex" alignItems="center" gridGap={16}>
      <Button
        size="small"
        color="primary"
        variant={fleet ? 'contained' : 'outlined'}
        aria-pressed={fleet}
        onClick={() => onSelect({ type: 'fleet' })}
      >
        Fleet
      </Button>
      <Typography color="textSecondary">
        {fleet
          ? 'Pick a team or a system below to see its trend and components.'
          : `Showing ${scopeSubject(scope)}.`}
      </Typography>
    </Box>
  );
}

function PlatformMaturityView() {
  const api = useApi(platformMaturityApiRef);
  const [scope, select] = useMaturityScope();
  const { value, loading, error } = useAsync(() => api.getLeaderboard(), [api]);

  let details;
  if (scope.type === 'team') {
    details = (
      <TeamComponentsCard teamRef={scope.ref} name={scopeName(scope)} />
    );
  } else if (value) {
    const rows =
      scope.type === 'system'
        ? value.entities.filter(
            e => e.system && scopeRef('system', e.system) === scope.ref,
          )
        : value.entities;
    details = (
      <ComponentsTable
        title={
          scope.type === 'system'
            ? `Components of system ${scopeName(scope)}`
            : 'Components'
        }
        rows={rows}
      />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {value && <FleetSummary value={value} />}
        <ScopeBar scope={scope} onSelect={select} />
      </Grid>
      {loading && (
        <Grid item xs={12}>
          <Progress />
        </Grid>
      )}
      {error && (
        <Grid item xs={12}>
          <RequestErrorPanel error={error} what="the maturity leaderboard" />
        </Grid>
      )}
      {value && (
        <>
          <Grid item xs={12} md={6}>
            <GroupTable
              title="By team"
              type="team"
              rows={value.teams}
              selected={scope}
              onSelect={select}
            />
          </Grid>
          <Grid item xs={12} md={6}>
            <GroupTable
              title="By system"
              type="system"
              rows={value.systems}
              selected={scope}
              onSelect={select}
            />
          </Grid>
        </>
      )}
      {/* The trend loads on its own, so neither call's failure hides the other. */}
      <Grid item xs={12}>
        <MaturityTrendCard scope={scope} subject={scopeSubject(scope)} />
      </Grid>
      {details && (
        <Grid item xs={12}>
          {details}
        </Grid>
      )}
    </Grid>
  );
}

// The selected team or system lives in the query string through React
// Router; the adapter scopes a router to the page in the new frontend system
// and renders its children untouched in the legacy one.

/** The leaderboard without the page header, which the new frontend system draws. */
export function PlatformMaturityContent() {
  return (
    <ReactRouterV6PageRouter>
      <Content>
        <PlatformMaturityView />
      </Content>
    </ReactRouterV6PageRouter>
  );
}

/** The leaderboard page with its header, for the legacy frontend system. */
export function PlatformMaturityPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Platform maturity"
        subtitle="Teams and systems ranked by how far their services use the platform"
      />
      <PlatformMaturityContent />
    </Page>
  );
}
