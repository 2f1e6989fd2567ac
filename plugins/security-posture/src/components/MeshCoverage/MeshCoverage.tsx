import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { MeshCoverage as Coverage } from '@cloud-native-platform/plugin-security-posture-common';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(0.5),
    minWidth: 200,
  },
}));

/** Props of {@link MeshCoverage}. */
export interface MeshCoverageProps {
  coverage: Coverage;
}

/**
 * The share of workloads with STRICT mTLS and an AuthorizationPolicy, as a
 * figure and a bar.
 */
export function MeshCoverage(props: MeshCoverageProps) {
  const classes = useStyles();
  const { covered, total, ratio } = props.coverage;
  if (ratio === null) {
    return (
      <Typography variant="body2" color="textSecondary">
        Mesh coverage: no workload to cover
      </Typography>
    );
  }
  const percent = Math.round(ratio * 100);
  return (
    <div className={classes.root}>
      <Typography variant="body2">
        Mesh coverage: <strong>{percent}%</strong>
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`Mesh coverage ${percent}%`}
      />
      <Typography variant="caption" color="textSecondary">
        {covered} of {total} {total === 1 ? 'workload' : 'workloads'} with
        STRICT mTLS and an AuthorizationPolicy
      </Typography>
    </div>
  );
}
