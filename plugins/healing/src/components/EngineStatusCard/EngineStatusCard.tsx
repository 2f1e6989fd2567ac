import { useState } from 'react';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { HealingEngineStatus } from '@cloud-native-platform/plugin-healing-common';
import { healingApiRef } from '../../api';
import { useCanSwitchKillSwitch } from '../../lib/useCanApprove';
import { healingKillSwitchUpdatePermission } from '@cloud-native-platform/plugin-healing-common';

const KILL_SWITCH_PERMISSION = healingKillSwitchUpdatePermission.name;
import { reasonOf } from '../HealingErrorPanel';

const useStyles = makeStyles(theme => ({
  state: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
  },
  stopped: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  running: {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
  },
}));

/** Props of {@link EngineStatusCard}. */
export interface EngineStatusCardProps {
  status: HealingEngineStatus;
  /** Called with the status the backend sent back after a toggle. */
  onChange(status: HealingEngineStatus): void;
}

/**
 * Whether the engine may act, who stopped it, and its policies with their
 * modes. The kill switch toggle is enabled for users holding
 * healing.killswitch.update; others see it disabled with that reason.
 */
export function EngineStatusCard(props: EngineStatusCardProps) {
  const { status, onChange } = props;
  const classes = useStyles();
  const api = useApi(healingApiRef);
  const canSwitch = useCanSwitchKillSwitch();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string>();
  const lockedByConfig = status.killSwitch && status.killSwitchBy === 'config';

  const toggle = async (enabled: boolean) => {
    setSending(true);
    setError(undefined);
    try {
      // Merged, so that an answer carrying only the switch keeps the policies.
      onChange({ ...status, ...(await api.setKillSwitch(enabled)) });
    } catch (e) {
      setError(`The kill switch was not changed: ${reasonOf(e as Error)}`);
    } finally {
      setSending(false);
    }
  };

  return (
    <InfoCard title="Healing engine">
      <div className={classes.state}>
        <Chip
          className={status.killSwitch ? classes.stopped : classes.running}
          label={
            status.killSwitch
              ? 'Kill switch on: no action is applied'
              : 'Engine acting under its policies'
          }
        />
        {status.killSwitch && status.killSwitchBy && (
          <Typography variant="body2" color="textSecondary">
            Set by {status.killSwitchBy}
          </Typography>
        )}
        <Typography variant="body2">
          {status.pendingApprovals} pending{' '}
          {status.pendingApprovals === 1 ? 'approval' : 'approvals'}
        </Typography>
        {!canSwitch.loading && (
          <FormControlLabel
            label="Kill switch"
            control={
              <Switch
                checked={status.killSwitch}
                // Config wins over the UI; the switch would only bounce back.
                disabled={sending || lockedByConfig || !canSwitch.allowed}
                onChange={(_e, checked) => toggle(checked)}
              />
            }
          />
        )}
        {!canSwitch.loading && !canSwitch.allowed && (
          <Typography variant="body2" color="textSecondary">
            Turning the kill switch needs the {KILL_SWITCH_PERMISSION}{' '}
            permission
          </Typography>
        )}
      </div>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      {status.policies.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No healing policy is configured: alerts are recorded, never acted on.
        </Typography>
      ) : (
        <Table size="small" aria-label="Policies">
          <TableHead>
            <TableRow>
              <TableCell>Policy</TableCell>
              <TableCell>Action</TableCell>
              <TableCell>Mode</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {status.policies.map(p => (
              <TableRow key={p.name}>
                <TableCell>{p.name}</TableCell>
                <TableCell>
                  {p.actions && p.actions.length > 1
                    ? `${p.actions.join(', ')} (learned)`
                    : p.action}
                </TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" label={p.mode} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
