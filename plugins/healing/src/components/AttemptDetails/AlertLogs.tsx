import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  LogLinesView,
  PodLogsErrorPanel,
} from '@cloud-native-platform/plugin-cloud-native-react';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useId, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { healingApiRef } from '../../api';
import { formatDateTime } from '../../lib/format';
import { HealingErrorPanel } from '../HealingErrorPanel';
import { alertLogWindow } from './alertLogWindow';

const useStyles = makeStyles(theme => ({
  pod: {
    minWidth: 260,
    margin: theme.spacing(1, 0),
  },
}));

/** Whether an attempt's target has pods whose logs can be read. */
export function hasAlertLogs(attempt: HealingAttempt): boolean {
  return Boolean(attempt.target.namespace) && attempt.target.kind !== 'Node';
}

function PodWindowLogs(props: {
  cluster: string;
  namespace: string;
  pod: string;
  start: string;
  end: string;
}) {
  const { cluster, namespace, pod, start, end } = props;
  const api = useApi(healingApiRef);
  const logs = useAsync(
    () => api.getPodLogs({ cluster, namespace, pod, start, end }),
    [api, cluster, namespace, pod, start, end],
  );
  if (logs.loading) return <Progress />;
  if (logs.error) {
    return <PodLogsErrorPanel error={logs.error} cluster={cluster} pod={pod} />;
  }
  return (
    <>
      {logs.value?.truncated && (
        <Typography variant="caption" color="textSecondary" component="p">
          Cut at the size limit of the backend.
        </Typography>
      )}
      <LogLinesView
        lines={logs.value?.lines ?? []}
        label={`Log lines of ${pod} around the alert`}
        fileName={`${pod}.log`}
        emptyMessage="No log lines in this window."
      />
    </>
  );
}

function AlertLogsBody(props: { attempt: HealingAttempt }) {
  const { attempt } = props;
  const { target } = attempt;
  const classes = useStyles();
  const api = useApi(healingApiRef);
  const fieldId = useId();
  const window = useMemo(() => alertLogWindow(attempt), [attempt]);
  // The pod the alert names first: it may have been replaced since.
  const alertPod = attempt.alert?.labels.pod;
  const pods = useAsync(async () => {
    const current = await api.listTargetPods(target);
    return alertPod
      ? [alertPod, ...current.filter(p => p !== alertPod)]
      : current;
  }, [
    api,
    target.cluster,
    target.namespace,
    target.kind,
    target.name,
    alertPod,
  ]);
  const [chosen, setChosen] = useState<string>();

  if (pods.loading) return <Progress />;
  if (pods.error) {
    return (
      <HealingErrorPanel
        error={pods.error}
        what={`the pods of ${target.name}`}
      />
    );
  }
  const names = pods.value ?? [];
  if (names.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {target.name} has no pods in the cluster topology now.
      </Typography>
    );
  }
  const pod = chosen && names.includes(chosen) ? chosen : names[0];
  return (
    <>
      <TextField
        select
        id={fieldId}
        size="small"
        className={classes.pod}
        label="Pod"
        value={pod}
        onChange={e => setChosen(e.target.value)}
      >
        {names.map(name => (
          <MenuItem key={name} value={name}>
            {name}
          </MenuItem>
        ))}
      </TextField>
      <PodWindowLogs
        cluster={target.cluster}
        namespace={target.namespace!}
        pod={pod}
        start={window.start}
        end={window.end}
      />
    </>
  );
}

/**
 * The log lines of the target workload's pods from five minutes before the
 * alert's start to five minutes after, read once asked for.
 */
export function AlertLogs(props: { attempt: HealingAttempt }) {
  const { attempt } = props;
  const [shown, setShown] = useState(false);
  const window = alertLogWindow(attempt);
  return (
    <>
      <Typography variant="body2" color="textSecondary">
        From {formatDateTime(window.start)} to {formatDateTime(window.end)}:
        five minutes either side of{' '}
        {attempt.alert ? 'the start of the alert' : 'the attempt'}.
      </Typography>
      {shown ? (
        <AlertLogsBody attempt={attempt} />
      ) : (
        <Button
          size="small"
          variant="outlined"
          color="primary"
          onClick={() => setShown(true)}
        >
          Show the logs
        </Button>
      )}
    </>
  );
}
