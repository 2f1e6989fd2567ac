import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  SeverityCounts as Counts,
  MeshCoverage as Coverage,
} from '@cloud-native-platform/plugin-security-posture-common';
import { MeshCoverage } from '../MeshCoverage';
import { ScoreBadge } from '../ScoreBadge';
import { SeverityCounts } from '../SeverityCounts';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1),
  },
}));

/** Props of {@link ReportSummary}. */
export interface ReportSummaryProps {
  score: number;
  counts: Counts;
  exceptedCount: number;
  generatedAt: string;
  /** Shown beside the counts when the backend sends it. */
  meshCoverage?: Coverage;
}

/** The score in its colour beside the findings counted by severity. */
export function ReportSummary(props: ReportSummaryProps) {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <ScoreBadge score={props.score} size="large" />
      <div className={classes.details}>
        <SeverityCounts
          counts={props.counts}
          exceptedCount={props.exceptedCount}
        />
        <Typography variant="caption" color="textSecondary">
          Scored {new Date(props.generatedAt).toLocaleString()}
        </Typography>
      </div>
      {props.meshCoverage && <MeshCoverage coverage={props.meshCoverage} />}
    </div>
  );
}
