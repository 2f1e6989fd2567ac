import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import type { PostureOverview } from '@cloud-native-platform/plugin-security-posture-common';
import { severityColor } from '../../lib/postureColors';

const useStyles = makeStyles(theme => ({
  severity: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'capitalize',
    minWidth: 72,
    marginRight: theme.spacing(2),
  },
}));

/** Props of {@link TopChecksList}. */
export interface TopChecksListProps {
  checks: PostureOverview['topChecks'];
  selected?: string;
  onSelect(checkId: string | undefined): void;
}

/** The checks failing on the most resources; picking one filters findings. */
export function TopChecksList(props: TopChecksListProps) {
  const classes = useStyles();
  const theme = useTheme();
  if (props.checks.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No check fails anywhere.
      </Typography>
    );
  }
  return (
    <List dense aria-label="Top failing checks">
      {props.checks.map(check => {
        const selected = props.selected === check.checkId;
        return (
          <ListItem
            key={check.checkId}
            button
            selected={selected}
            aria-pressed={selected}
            onClick={() => props.onSelect(selected ? undefined : check.checkId)}
          >
            <Chip
              size="small"
              label={check.severity}
              className={classes.severity}
              style={{ backgroundColor: severityColor(theme, check.severity) }}
            />
            <ListItemText
              primary={check.title}
              secondary={`${check.checkId} · ${check.category}`}
            />
            <Typography variant="body2">
              {check.count} {check.count === 1 ? 'finding' : 'findings'}
            </Typography>
          </ListItem>
        );
      })}
    </List>
  );
}
