import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  type HealingAttempt,
  healingAttemptApprovePermission,
} from '@cloud-native-platform/plugin-healing-common';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { healingApiRef } from '../../api';
import { describeAttempt } from '../../lib/format';
import { useCanApprove } from '../../lib/useCanApprove';
import { reasonOf, statusOf } from '../HealingErrorPanel';

const useStyles = makeStyles(theme => ({
  buttons: {
    display: 'flex',
    gap: theme.spacing(1),
  },
}));

type Decision = 'approve' | 'reject';

/** Props of {@link ApprovalButtons}. */
export interface ApprovalButtonsProps {
  attempt: HealingAttempt;
  /** Called with the attempt as the backend updated it. */
  onDecided(attempt: HealingAttempt): void;
}

function decisionError(error: Error): string {
  switch (statusOf(error)) {
    case 403:
      return `You are not allowed to decide healing attempts: ${reasonOf(
        error,
      )}`;
    case 409:
      return `This attempt is no longer waiting for approval: ${reasonOf(
        error,
      )}`;
    default:
      return `The decision was not recorded: ${reasonOf(error)}`;
  }
}

/** Why the buttons are disabled for a user without the permission here. */
export function approvalRefusal(attempt: HealingAttempt): string {
  const where = attempt.target.namespace
    ? `${attempt.cluster}/${attempt.target.namespace}`
    : attempt.cluster;
  return `Deciding attempts in ${where} needs the ${healingAttemptApprovePermission.name} permission`;
}

/**
 * Approve and reject buttons of a pending attempt, each asking for
 * confirmation and an optional comment. Users without the approve
 * permission for the attempt's cluster and namespace see them disabled,
 * with the reason; nothing is shown for an attempt that is not pending.
 */
export function ApprovalButtons(props: ApprovalButtonsProps) {
  const { attempt, onDecided } = props;
  const classes = useStyles();
  const api = useApi(healingApiRef);
  const canApprove = useCanApprove(attempt.id);
  const [decision, setDecision] = useState<Decision>();
  const [comment, setComment] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();

  if (canApprove.loading || attempt.status !== 'pending-approval') {
    return null;
  }
  if (!canApprove.allowed) {
    const reason = approvalRefusal(attempt);
    return (
      <Tooltip title={reason}>
        {/* A disabled button takes no pointer events; the span shows the tooltip. */}
        <span className={classes.buttons}>
          <Button variant="contained" size="small" disabled>
            Approve
          </Button>
          <Button variant="outlined" size="small" disabled>
            Reject
          </Button>
          <Typography variant="caption" color="textSecondary">
            {reason}
          </Typography>
        </span>
      </Tooltip>
    );
  }

  const close = () => {
    setDecision(undefined);
    setComment('');
    setError(undefined);
  };

  const send = async () => {
    if (!decision) {
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      const trimmed = comment.trim() || undefined;
      const updated =
        decision === 'approve'
          ? await api.approveAttempt(attempt.id, trimmed)
          : await api.rejectAttempt(attempt.id, trimmed);
      close();
      onDecided(updated);
    } catch (e) {
      setError(decisionError(e as Error));
    } finally {
      setSending(false);
    }
  };

  const verb = decision === 'approve' ? 'Approve' : 'Reject';
  return (
    <>
      <div className={classes.buttons}>
        <Button
          variant="contained"
          color="primary"
          size="small"
          onClick={e => {
            // Rows holding the buttons open the attempt on click.
            e.stopPropagation();
            setDecision('approve');
          }}
        >
          Approve
        </Button>
        <Button
          variant="outlined"
          size="small"
          onClick={e => {
            e.stopPropagation();
            setDecision('reject');
          }}
        >
          Reject
        </Button>
      </div>
      <Dialog
        open={decision !== undefined}
        onClose={close}
        onClick={e => e.stopPropagation()}
        aria-labelledby={`decide-${attempt.id}`}
      >
        <DialogTitle id={`decide-${attempt.id}`}>
          {verb} the {describeAttempt(attempt)}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {decision === 'approve'
              ? `The engine applies the change to ${attempt.cluster} at once, then verifies it.`
              : 'The change is not applied; the attempt is closed as rejected.'}
          </DialogContentText>
          <TextField
            id={`decide-${attempt.id}-comment`}
            label="Comment"
            fullWidth
            multiline
            minRows={2}
            value={comment}
            onChange={e => setComment(e.target.value)}
          />
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={sending}>
            Cancel
          </Button>
          <Button
            color="primary"
            variant="contained"
            onClick={send}
            disabled={sending}
          >
            {verb}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
