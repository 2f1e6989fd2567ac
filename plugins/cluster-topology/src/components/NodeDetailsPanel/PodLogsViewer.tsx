import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  LogLinesView,
  PodLogsErrorPanel,
} from '@cloud-native-platform/plugin-cloud-native-react';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  clusterTopologyApiRef,
  PodLogLine,
  PodLogSource,
  PodLogStreamEndReason,
} from '../../api';

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(1),
  },
  field: {
    minWidth: 140,
  },
}));

/** Tail sizes offered, in lines. */
export const TAIL_SIZES = [100, 500, 2000] as const;

// A followed stream keeps at most this many lines, dropping the oldest.
const MAX_LINES = 10_000;

const END_MESSAGES: Record<PodLogStreamEndReason, string> = {
  duration: 'The stream ended at the time limit of the backend.',
  size: 'The stream ended at the size limit of the backend.',
  closed: 'The stream was closed.',
};

/** Props of {@link PodLogsViewer}. */
export interface PodLogsViewerProps {
  cluster: string;
  namespace: string;
  pod: string;
  /** The pod's containers when known; a free field otherwise. */
  containers: string[];
}

interface LogsState {
  lines: PodLogLine[];
  source?: PodLogSource;
  truncated?: boolean;
  error?: Error;
  loading: boolean;
  ended?: PodLogStreamEndReason;
}

/**
 * The log lines of one pod with the controls to choose them: container,
 * tail size, the previous run, and following new lines as they come.
 */
export function PodLogsViewer(props: PodLogsViewerProps) {
  const { cluster, namespace, pod, containers } = props;
  const classes = useStyles();
  const id = useId();
  const api = useApi(clusterTopologyApiRef);
  const [container, setContainer] = useState(
    containers.length === 1 ? containers[0] : '',
  );
  const [tailLines, setTailLines] = useState<number>(500);
  const [previous, setPrevious] = useState(false);
  const [following, setFollowing] = useState(false);
  const [state, setState] = useState<LogsState>({ lines: [], loading: true });

  const query = useMemo(
    () => ({
      cluster,
      namespace,
      pod,
      container: container || undefined,
      tailLines,
      previous,
    }),
    [cluster, namespace, pod, container, tailLines, previous],
  );

  // A plain read whenever the query changes; it also stops a stream.
  const stream = useRef<AbortController>();
  useEffect(() => {
    let current = true;
    setFollowing(false);
    setState({ lines: [], loading: true });
    api
      .getPodLogs(query)
      .then(logs => current && setState({ ...logs, loading: false }))
      .catch(
        error => current && setState({ lines: [], loading: false, error }),
      );
    return () => {
      current = false;
      stream.current?.abort();
      stream.current = undefined;
    };
  }, [api, query]);

  const follow = useCallback(() => {
    stream.current?.abort();
    const controller = new AbortController();
    stream.current = controller;
    // Appended in place and trimmed now and then, not copied per line.
    const received: PodLogLine[] = [];
    const kept = () => received.slice(-MAX_LINES);
    // Lines come in bursts: one render per frame is enough.
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      if (stream.current === controller) {
        setState(s => ({ ...s, lines: kept() }));
      }
    };
    setFollowing(true);
    setState({ lines: [], loading: false });
    const done = (update: Partial<LogsState>) => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      // A newer read or stream replaced this one: leave its lines alone.
      if (stream.current !== controller) return;
      setState({ lines: kept(), loading: false, ...update });
      setFollowing(false);
    };
    api
      .followPodLogs(
        query,
        line => {
          received.push(line);
          if (received.length > 2 * MAX_LINES) {
            received.splice(0, received.length - MAX_LINES);
          }
          if (frame === undefined) frame = requestAnimationFrame(flush);
        },
        controller.signal,
      )
      .then(ended => done({ ended }))
      .catch(error => done({ error }));
  }, [api, query]);

  return (
    <>
      <div className={classes.controls}>
        {containers.length > 0 ? (
          <TextField
            select
            size="small"
            className={classes.field}
            id={`${id}-container`}
            label="Container"
            value={container}
            onChange={e => setContainer(e.target.value)}
            SelectProps={{ displayEmpty: true }}
            InputLabelProps={{ shrink: true }}
          >
            <MenuItem value="">Default</MenuItem>
            {containers.map(name => (
              <MenuItem key={name} value={name}>
                {name}
              </MenuItem>
            ))}
          </TextField>
        ) : (
          <TextField
            size="small"
            className={classes.field}
            id={`${id}-container`}
            label="Container"
            placeholder="Default"
            InputLabelProps={{ shrink: true }}
            defaultValue={container}
            onBlur={e => setContainer(e.target.value.trim())}
            onKeyDown={e => {
              if (e.key === 'Enter') {
                setContainer((e.target as HTMLInputElement).value.trim());
              }
            }}
          />
        )}
        <TextField
          select
          size="small"
          className={classes.field}
          id={`${id}-tail`}
          label="Last lines"
          value={tailLines}
          onChange={e => setTailLines(Number(e.target.value))}
        >
          {TAIL_SIZES.map(size => (
            <MenuItem key={size} value={size}>
              {size}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch
              size="small"
              checked={previous}
              disabled={following}
              onChange={e => setPrevious(e.target.checked)}
            />
          }
          label="Previous container"
        />
        {following ? (
          <Button
            size="small"
            variant="contained"
            color="secondary"
            onClick={() => stream.current?.abort()}
          >
            Stop following
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            color="primary"
            // A previous run has ended: there is nothing to follow.
            disabled={previous}
            onClick={follow}
          >
            Follow
          </Button>
        )}
      </div>
      {state.loading && <Progress />}
      {state.error && (
        <PodLogsErrorPanel error={state.error} cluster={cluster} pod={pod} />
      )}
      {!state.loading && !state.error && (
        <>
          <Typography variant="caption" color="textSecondary" component="p">
            {following
              ? 'Following new lines…'
              : [
                  state.source &&
                    `Read from ${
                      state.source === 'loki' ? 'Loki' : 'the Kubernetes API'
                    }.`,
                  state.truncated &&
                    'Cut at the size limit of the backend: ask for fewer lines.',
                  state.ended && END_MESSAGES[state.ended],
                ]
                  .filter(Boolean)
                  .join(' ')}
          </Typography>
          <LogLinesView
            lines={state.lines}
            label={`Log lines of ${pod}`}
            fileName={`${pod}.log`}
            emptyMessage={
              following ? 'Waiting for new lines…' : 'No log lines.'
            }
          />
        </>
      )}
    </>
  );
}
