import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import type {
  HealingAttempt,
  HealingStep,
} from '@cloud-native-platform/plugin-healing-common';
import { formatDateTime } from '../../lib/format';
import { flattenData, stepFeatures, stepScores } from '../../lib/stepData';

const useStyles = makeStyles(theme => ({
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  step: {
    display: 'grid',
    gridTemplateColumns: '24px 1fr',
    gap: theme.spacing(0, 1),
    paddingBottom: theme.spacing(2),
  },
  ok: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
  skipped: { color: theme.palette.text.disabled },
  figures: {
    maxWidth: 480,
    marginTop: theme.spacing(1),
  },
  value: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
}));

const STEP_TITLES: Record<HealingStep['name'], string> = {
  features: 'Features',
  detection: 'Anomaly detection',
  'root-cause': 'Root cause',
  'action-choice': 'Action choice',
  decision: 'Decision',
  approval: 'Review',
  action: 'Action',
  verification: 'Verification',
};

function FiguresTable(props: {
  label: string;
  rows: Array<[string, string | number | boolean | null]>;
}) {
  const classes = useStyles();
  const format = (v: string | number | boolean | null) =>
    typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v);
  return (
    <Table size="small" className={classes.figures} aria-label={props.label}>
      <TableBody>
        {props.rows.map(([key, value]) => (
          <TableRow key={key}>
            <TableCell component="th" scope="row">
              {key}
            </TableCell>
            <TableCell className={classes.value}>{format(value)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// The known figures get a table of their own; anything else the backend
// records is still shown, flattened, rather than hidden.
function StepFigures(props: { step: HealingStep; attempt: HealingAttempt }) {
  const { step, attempt } = props;
  if (step.name === 'features') {
    const features = stepFeatures(step);
    if (features) {
      return <FiguresTable label="Features" rows={features} />;
    }
  }
  if (step.name === 'detection') {
    const scores = stepScores(step);
    if (scores) {
      return <FiguresTable label="Anomaly scores" rows={scores} />;
    }
  }
  // Their figures have cards of their own beside the pipeline.
  if (
    (step.name === 'root-cause' && attempt.rootCause) ||
    (step.name === 'action-choice' && attempt.actionChoice) ||
    step.name === 'decision'
  ) {
    return null;
  }
  const entries = flattenData(step.data);
  return entries.length > 0 ? (
    <FiguresTable
      label={`${STEP_TITLES[step.name] ?? step.name} data`}
      rows={entries.map(e => [e.key, e.value])}
    />
  ) : null;
}

function StepIcon(props: { status: HealingStep['status'] }) {
  const classes = useStyles();
  if (props.status === 'ok') {
    return <CheckCircleIcon className={classes.ok} titleAccess="ok" />;
  }
  if (props.status === 'failed') {
    return <ErrorIcon className={classes.failed} titleAccess="failed" />;
  }
  return (
    <RemoveCircleOutlineIcon
      className={classes.skipped}
      titleAccess="skipped"
    />
  );
}

/** The pipeline an attempt went through, step by step, with its figures. */
export function PipelineSteps(props: { attempt: HealingAttempt }) {
  const { attempt } = props;
  const classes = useStyles();
  if (attempt.steps.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {attempt.kind === 'platform'
          ? 'Kubernetes healed this by itself; the engine ran no pipeline.'
          : 'No step was recorded.'}
      </Typography>
    );
  }
  return (
    <ol className={classes.steps} aria-label="Pipeline steps">
      {attempt.steps.map((step, i) => (
        <li key={`${step.name}-${i}`} className={classes.step}>
          <StepIcon status={step.status} />
          <div>
            <Typography variant="subtitle2" component="h3">
              {STEP_TITLES[step.name] ?? step.name}
            </Typography>
            <Typography variant="caption" color="textSecondary">
              {formatDateTime(step.at)} · {step.status}
            </Typography>
            <Typography variant="body2">{step.summary}</Typography>
            <StepFigures step={step} attempt={attempt} />
          </div>
        </li>
      ))}
    </ol>
  );
}
