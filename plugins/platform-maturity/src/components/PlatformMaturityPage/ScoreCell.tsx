import TableCell from '@material-ui/core/TableCell';
import Typography from '@material-ui/core/Typography';

/** A component's score, saying so when it runs nowhere (and so counts 0). */
export function ScoreCell(props: { score: number; deployed: boolean }) {
  return (
    <TableCell align="right" style={{ whiteSpace: 'nowrap' }}>
      {props.score}
      {!props.deployed && (
        <Typography variant="caption" color="textSecondary" component="span">
          {' '}
          (not deployed)
        </Typography>
      )}
    </TableCell>
  );
}
