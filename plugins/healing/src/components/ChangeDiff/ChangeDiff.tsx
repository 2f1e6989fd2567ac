import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingChange } from '@cloud-native-platform/plugin-healing-common';
import { diffStats, lineDiff } from '../../lib/lineDiff';

const useStyles = makeStyles(theme => ({
  diff: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    borderCollapse: 'collapse',
    width: '100%',
    border: `1px solid ${theme.palette.divider}`,
    '& td': {
      padding: theme.spacing(0, 1),
      whiteSpace: 'pre',
      verticalAlign: 'top',
    },
  },
  number: {
    color: theme.palette.text.secondary,
    textAlign: 'right',
    userSelect: 'none',
    width: '1%',
  },
  sign: {
    userSelect: 'none',
    width: '1%',
  },
  added: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(46, 160, 67, 0.25)'
        : 'rgba(46, 160, 67, 0.15)',
  },
  removed: {
    backgroundColor:
      theme.palette.type === 'dark'
        ? 'rgba(248, 81, 73, 0.25)'
        : 'rgba(248, 81, 73, 0.15)',
  },
  same: {},
  heading: {
    marginBottom: theme.spacing(1),
  },
}));

const SIGNS = { same: ' ', added: '+', removed: '−' } as const;

/** Props of {@link ChangeDiff}. */
export interface ChangeDiffProps {
  change: HealingChange;
  /** `applied` or `planned`, said in the heading. */
  applied: boolean;
}

/** A change as a unified diff of the object's YAML before and after. */
export function ChangeDiff(props: ChangeDiffProps) {
  const { change } = props;
  const classes = useStyles();
  const lines = lineDiff(change.before, change.after);
  const { added, removed } = diffStats(lines);

  return (
    <div>
      <Typography variant="subtitle2" className={classes.heading}>
        {props.applied ? 'Applied' : 'Planned'} change to {change.object}:{' '}
        {change.description}
      </Typography>
      {lines.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          The change records no YAML to compare.
        </Typography>
      ) : (
        <table
          className={classes.diff}
          aria-label={`Diff of ${change.object}: ${added} added, ${removed} removed`}
        >
          <tbody>
            {lines.map((line, i) => (
              <tr key={i} className={classes[line.type]} data-diff={line.type}>
                <td className={classes.number}>{line.oldNumber ?? ''}</td>
                <td className={classes.number}>{line.newNumber ?? ''}</td>
                <td className={classes.sign} aria-hidden>
                  {SIGNS[line.type]}
                </td>
                <td>{line.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
