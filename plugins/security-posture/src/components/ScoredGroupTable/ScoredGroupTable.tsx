import type { ReactNode } from 'react';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ListIcon from '@material-ui/icons/List';
import type { ScoredGroup } from '@cloud-native-platform/plugin-security-posture-common';
import { ScoreBadge } from '../ScoreBadge';
import { SeverityCounts } from '../SeverityCounts';

const useStyles = makeStyles(theme => ({
  selected: {
    backgroundColor: theme.palette.action.selected,
  },
  name: {
    textTransform: 'none',
    textAlign: 'left',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

/** Props of {@link ScoredGroupTable}. */
export interface ScoredGroupTableProps {
  /** Names the table, e.g. `Clusters`. */
  title: string;
  groups: ScoredGroup[];
  /** Adds the role column, for clusters. */
  showRole?: boolean;
  selected?: string;
  /** Makes each name a button that opens the group's findings. */
  onSelect?(group: ScoredGroup): void;
  /** Renders a name, e.g. as a catalog link; the plain name otherwise. */
  renderName?(group: ScoredGroup): ReactNode;
}

/** Scored clusters, namespaces or teams with their findings by severity. */
export function ScoredGroupTable(props: ScoredGroupTableProps) {
  const classes = useStyles();
  const renderName = (group: ScoredGroup) => {
    const name = props.renderName?.(group) ?? group.name;
    if (!props.onSelect || group.error) {
      return name;
    }
    const label = `Show findings of ${group.name}`;
    // A custom name may be a link of its own, so the button sits beside it.
    return props.renderName ? (
      <>
        {name}
        <Tooltip title={label}>
          <IconButton
            size="small"
            aria-label={label}
            onClick={() => props.onSelect?.(group)}
          >
            <ListIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </>
    ) : (
      <Button
        size="small"
        className={classes.name}
        aria-label={label}
        onClick={() => props.onSelect?.(group)}
      >
        {name}
      </Button>
    );
  };
  if (props.groups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing scored yet.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={props.title}>
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          {props.showRole && <TableCell>Role</TableCell>}
          <TableCell>Score</TableCell>
          <TableCell align="right">Resources</TableCell>
          <TableCell>Findings</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.groups.map(group => (
          <TableRow
            key={group.name}
            className={
              props.selected === group.name ? classes.selected : undefined
            }
          >
            <TableCell>{renderName(group)}</TableCell>
            {props.showRole && <TableCell>{group.role ?? '—'}</TableCell>}
            {group.error || group.score === undefined ? (
              <TableCell colSpan={3}>
                <Typography variant="body2" color="error">
                  {group.error ?? 'not scored'}
                </Typography>
              </TableCell>
            ) : (
              <>
                <TableCell>
                  <ScoreBadge score={group.score} />
                </TableCell>
                <TableCell align="right">{group.resources}</TableCell>
                <TableCell>
                  <SeverityCounts counts={group.counts} hideZero />
                </TableCell>
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
