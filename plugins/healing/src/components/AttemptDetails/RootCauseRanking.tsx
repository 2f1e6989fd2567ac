import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { RootCauseRank } from '@cloud-native-platform/plugin-healing-common';

/** How many ranked services are worth a human's attention. */
const TOP_CAUSES = 3;

/** The services the root-cause step ranked first, with their evidence. */
export function RootCauseRanking(props: { ranking: readonly RootCauseRank[] }) {
  const top = [...props.ranking]
    .sort((a, b) => b.score - a.score)
    .slice(0, TOP_CAUSES);
  if (top.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No service was ranked.
      </Typography>
    );
  }
  return (
    <List dense disablePadding aria-label="Root cause ranking">
      {top.map((cause, i) => (
        <ListItem key={cause.service} disableGutters alignItems="flex-start">
          <ListItemText
            primary={`${i + 1}. ${cause.service} (score ${cause.score.toFixed(
              2,
            )})`}
            secondary={cause.evidence.join('; ')}
          />
        </ListItem>
      ))}
    </List>
  );
}
