import { parseEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type { MaturityGroupScore } from '../../api';
import { MaturityScope, sameScope, scopeRef } from './maturityScope';

/** Props of {@link GroupTable}. */
export interface GroupTableProps {
  title: string;
  type: 'team' | 'system';
  rows: MaturityGroupScore[];
  selected: MaturityScope;
  onSelect(scope: MaturityScope): void;
}

/** `trading-team` for group:default/trading-team, `user:jo` for a user owner. */
function displayName(type: 'team' | 'system', name: string): string {
  try {
    return humanizeEntityRef(parseEntityRef(name), {
      defaultKind: type === 'team' ? 'group' : 'system',
    });
  } catch {
    return name;
  }
}

/** Teams or systems ranked by score; a name selects it for the page. */
export function GroupTable(props: GroupTableProps) {
  const { title, type, rows, selected, onSelect } = props;
  return (
    <InfoCard title={title}>
      {rows.length === 0 ? (
        <Typography color="textSecondary">Nothing to rank yet.</Typography>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell align="right">Score</TableCell>
              <TableCell align="right">Components</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map(r => {
              const ref = scopeRef(type, r.name);
              const scope: MaturityScope | undefined = ref
                ? { type, ref }
                : undefined;
              const isSelected = !!scope && sameScope(scope, selected);
              return (
                <TableRow key={r.name} selected={isSelected}>
                  <TableCell>
                    {scope ? (
                      <Link
                        component="button"
                        variant="body2"
                        aria-pressed={isSelected}
                        onClick={() => onSelect(scope)}
                      >
                        {displayName(type, r.name)}
                      </Link>
                    ) : (
                      r.name
                    )}
                  </TableCell>
                  <TableCell align="right">{r.score}</TableCell>
                  <TableCell align="right">
                    {r.entities}
                    {r.notDeployed > 0 && ` (${r.notDeployed} not deployed)`}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
