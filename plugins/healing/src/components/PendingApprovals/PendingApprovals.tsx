import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemSecondaryAction from '@material-ui/core/ListItemSecondaryAction';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import {
  describeAttempt,
  formatConfidence,
  formatDateTime,
} from '../../lib/format';
import { ApprovalButtons } from '../ApprovalButtons';

const useStyles = makeStyles({
  // Leaves room for the buttons on the right of each item.
  item: { paddingRight: 200 },
});

/** Props of {@link PendingApprovals}. */
export interface PendingApprovalsProps {
  attempts: readonly HealingAttempt[];
  onOpen(attempt: HealingAttempt): void;
  onDecided(attempt: HealingAttempt): void;
}

/** Attempts waiting for a human, with approve and reject where allowed. */
export function PendingApprovals(props: PendingApprovalsProps) {
  const classes = useStyles();
  if (props.attempts.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing is waiting for approval.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Pending approvals">
      {props.attempts.map(a => (
        <ListItem
          key={a.id}
          button
          className={classes.item}
          onClick={() => props.onOpen(a)}
        >
          <ListItemText
            primary={a.change?.description ?? describeAttempt(a)}
            secondary={`${describeAttempt(a)} · policy ${
              a.policy ?? '—'
            } · confidence ${formatConfidence(a.confidence)} · ${formatDateTime(
              a.createdAt,
            )}`}
          />
          <ListItemSecondaryAction>
            <ApprovalButtons attempt={a} onDecided={props.onDecided} />
          </ListItemSecondaryAction>
        </ListItem>
      ))}
    </List>
  );
}
