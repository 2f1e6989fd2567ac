import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { platformMaturityApiRef, TeamMaturityResponse } from '../../api';
import { NextStepItem } from '../EntityPlatformMaturityCard/NextStepItem';
import { DrStatusLabel } from './DrStatusLabel';
import { firstFindings } from './firstFindings';
import { ScoreCell } from './ScoreCell';

function TeamComponents(props: { value: TeamMaturityResponse; title: string }) {
  const { value, title } = props;
  if (value.entities.length === 0) {
    return (
      <Typography color="textSecondary">
        The catalog lists no component owned by this team.
      </Typography>
    );
  }
  // Weakest first: the list is about what to raise.
  const entities = [...value.entities].sort((a, b) => a.score - b.score);
  return (
    <Table size="small" aria-label={title}>
      <TableHead>
        <TableRow>
          <TableCell>Component</TableCell>
          <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
            Score
          </TableCell>
          <TableCell>DR</TableCell>
          <TableCell>What to do next</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entities.map(e => {
          const { shown, more } = firstFindings(e, value.findings);
          return (
            <TableRow key={e.entityRef}>
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <EntityRefLink entityRef={e.entityRef} />
              </TableCell>
              <ScoreCell score={e.score} deployed={e.deployed} />
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                <DrStatusLabel status={e.dr} />
              </TableCell>
              <TableCell>
                {shown.length === 0 ? (
                  <Typography variant="body2" color="textSecondary">
                    Nothing missing.
                  </Typography>
                ) : (
                  <List dense disablePadding>
                    {shown.map(f => (
                      <NextStepItem
                        key={`${f.component}:${f.message}`}
                        finding={f}
                        deployed={e.deployed}
                        note={
                          f.repeats > 0
                            ? `(and ${f.repeats} more like it)`
                            : undefined
                        }
                      />
                    ))}
                    {more > 0 && (
                      <ListItem disableGutters>
                        <ListItemText
                          secondary={`and ${more} more on the component's page`}
                        />
                      </ListItem>
                    )}
                  </List>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Props of {@link TeamComponentsCard}. */
export interface TeamComponentsCardProps {
  /** The group entity reference. */
  teamRef: string;
  /** The team's name, for the title. */
  name: string;
}

/** A team's components with their scores, DR status and first findings. */
export function TeamComponentsCard(props: TeamComponentsCardProps) {
  const { teamRef, name } = props;
  const api = useApi(platformMaturityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getMaturity({ team: teamRef }),
    [api, teamRef],
  );
  const title = `Components of team ${name}`;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <RequestErrorPanel
        error={error}
        what={`the components of team ${name}`}
      />
    );
  } else if (value) {
    content = <TeamComponents value={value} title={title} />;
  }
  return (
    <InfoCard
      title={title}
      subheader={
        value
          ? `Team score ${value.score} over ${value.entities.length} components, lowest first`
          : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
