import type { MouseEvent } from 'react';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import {
  describeTarget,
  formatConfidence,
  formatDateTime,
  formatDuration,
} from '../../lib/format';
import { StatusChip } from '../StatusChip';

const useStyles = makeStyles(theme => ({
  row: {
    cursor: 'pointer',
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  time: {
    whiteSpace: 'nowrap',
  },
  number: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
}));

/** Props of {@link AttemptsTable}. */
export interface AttemptsTableProps {
  /** Names the table for assistive technology. */
  title: string;
  attempts: readonly HealingAttempt[];
  /** Opens an attempt's view. */
  onOpen(attempt: HealingAttempt): void;
  /** Leave out the cluster column, e.g. on an entity's single cluster. */
  hideCluster?: boolean;
}

/**
 * Attempts newest first: when, where, what, in which mode, with what outcome
 * and how fast. A row opens the attempt.
 */
export function AttemptsTable(props: AttemptsTableProps) {
  const classes = useStyles();
  if (props.attempts.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No healing attempt matches.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label={props.title}>
      <TableHead>
        <TableRow>
          <TableCell>Time</TableCell>
          {!props.hideCluster && <TableCell>Cluster</TableCell>}
          <TableCell>Target</TableCell>
          <TableCell>Action</TableCell>
          <TableCell>Mode</TableCell>
          <TableCell>Status</TableCell>
          <TableCell className={classes.number}>MTTR</TableCell>
          <TableCell className={classes.number}>Confidence</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.attempts.map(a => (
          <TableRow
            key={a.id}
            className={classes.row}
            onClick={() => props.onOpen(a)}
          >
            <TableCell className={classes.time}>
              {/* The row is the target; this makes it reachable by keyboard. */}
              <Link
                component="button"
                variant="body2"
                onClick={(e: MouseEvent) => {
                  e.stopPropagation();
                  props.onOpen(a);
                }}
              >
                {formatDateTime(a.createdAt)}
              </Link>
            </TableCell>
            {!props.hideCluster && <TableCell>{a.cluster}</TableCell>}
            <TableCell>
              {describeTarget(a.target)}
              {a.alert && (
                <Typography
                  variant="caption"
                  display="block"
                  color="textSecondary"
                >
                  {a.alert.name}
                </Typography>
              )}
            </TableCell>
            <TableCell>{a.action ?? '—'}</TableCell>
            <TableCell>{a.kind === 'platform' ? 'platform' : a.mode}</TableCell>
            <TableCell>
              <StatusChip status={a.status} />
            </TableCell>
            <TableCell className={classes.number}>
              {formatDuration(a.mttrSeconds)}
            </TableCell>
            <TableCell className={classes.number}>
              {formatConfidence(a.confidence)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
