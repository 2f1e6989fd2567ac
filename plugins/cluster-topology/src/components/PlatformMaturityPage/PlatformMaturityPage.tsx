import useAsync from 'react-use/esm/useAsync';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { clusterTopologyApiRef, MaturityGroupScore } from '../../api';

function GroupTable(props: { title: string; rows: MaturityGroupScore[] }) {
  return (
    <InfoCard title={props.title}>
      {props.rows.length === 0 ? (
        <Typography color="textSecondary">Nothing to rank yet.</Typography>
      ) : (
        <Table size="small" aria-label={props.title}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell align="right">Score</TableCell>
              <TableCell align="right">Components</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {props.rows.map(r => (
              <TableRow key={r.name}>
                <TableCell>{r.name}</TableCell>
                <TableCell align="right">{r.score}</TableCell>
                <TableCell align="right">
                  {r.entities}
                  {r.notDeployed > 0 && ` (${r.notDeployed} not deployed)`}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

function Leaderboard() {
  const api = useApi(clusterTopologyApiRef);
  const { value, loading, error } = useAsync(
    () => api.getMaturityLeaderboard(),
    [api],
  );
  if (loading) return <Progress />;
  if (error) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not load the maturity leaderboard"
      />
    );
  }
  if (!value) return null;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography>
          Fleet score {value.fleet.score} over {value.fleet.entities}{' '}
          components. Scores are computed from the live cluster state; no
          history is kept, so there is no trend.
        </Typography>
      </Grid>
      <Grid item xs={12} md={6}>
        <GroupTable title="By team" rows={value.teams} />
      </Grid>
      <Grid item xs={12} md={6}>
        <GroupTable title="By system" rows={value.systems} />
      </Grid>
    </Grid>
  );
}

/** The leaderboard without the page header, which the new frontend system draws. */
export function PlatformMaturityContent() {
  return (
    <Content>
      <Leaderboard />
    </Content>
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
