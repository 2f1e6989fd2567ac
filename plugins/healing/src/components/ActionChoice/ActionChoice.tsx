import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingActionChoice } from '@cloud-native-platform/plugin-healing-common';

const useStyles = makeStyles(theme => ({
  summary: {
    marginBottom: theme.spacing(1),
  },
  number: {
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
  },
  chosen: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** Props of {@link ActionChoice}. */
export interface ActionChoiceProps {
  choice: HealingActionChoice;
}

function chosenText(
  choice: HealingActionChoice,
  candidate: HealingActionChoice['candidates'][number],
): string {
  if (candidate.action === choice.chosen) return 'chosen';
  if (candidate.refused) return `refused: ${candidate.refused}`;
  return '';
}

/**
 * Why an attempt took the action it took: each action its policy allows,
 * with how often it healed such alerts on such workloads, the sample it
 * drew, and which one was chosen or refused.
 */
export function ActionChoice(props: ActionChoiceProps) {
  const { choice } = props;
  const classes = useStyles();
  return (
    <>
      <Typography variant="body2" className={classes.summary}>
        {choice.summary}
      </Typography>
      <Typography variant="caption" color="textSecondary" component="p">
        Thompson sampling over verified outcomes of {choice.alertName} alerts on{' '}
        {choice.workloadKind} workloads; the policy's order is the prior.
        Inconclusive outcomes count neither way.
      </Typography>
      <Table size="small" aria-label="Action candidates">
        <TableHead>
          <TableRow>
            <TableCell>Action</TableCell>
            <TableCell className={classes.number}>Healed / tried</TableCell>
            <TableCell className={classes.number}>Sample</TableCell>
            <TableCell>Chosen</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {choice.candidates.map(c => {
            const chosen = c.action === choice.chosen;
            const tried = c.successes + c.failures + c.inconclusive;
            return (
              <TableRow key={c.action} selected={chosen}>
                <TableCell
                  component="th"
                  scope="row"
                  className={chosen ? classes.chosen : undefined}
                >
                  {c.action}
                </TableCell>
                <TableCell className={classes.number}>
                  {c.successes} / {tried}
                </TableCell>
                <TableCell className={classes.number}>
                  {c.sample.toFixed(3)}
                </TableCell>
                <TableCell>{chosenText(choice, c)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {!choice.chosen && (
        <Typography variant="body2" color="textSecondary">
          Every allowed action was refused.
        </Typography>
      )}
    </>
  );
}
