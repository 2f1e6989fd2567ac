import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingAlert } from '@cloud-native-platform/plugin-healing-common';
import { formatDateTime } from '../../lib/format';
import { KeyValueList } from '../KeyValueList';

const useStyles = makeStyles(theme => ({
  labels: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(0.5),
  },
}));

/** The alert that started an attempt: name, times, labels, annotations. */
export function AlertSummary(props: { alert: HealingAlert }) {
  const { alert } = props;
  const classes = useStyles();
  return (
    <KeyValueList
      label="Alert"
      items={[
        ['Name', alert.name],
        ['Status', alert.status],
        ['Started', formatDateTime(alert.startsAt)],
        ['Ended', alert.endsAt ? formatDateTime(alert.endsAt) : undefined],
        [
          'Labels',
          <div className={classes.labels} role="list" aria-label="Alert labels">
            {Object.entries(alert.labels).map(([k, v]) => (
              <Chip
                key={k}
                role="listitem"
                size="small"
                variant="outlined"
                label={`${k}=${v}`}
              />
            ))}
          </div>,
        ],
        ...Object.entries(alert.annotations).map(
          ([k, v]) => [k, v] as [string, string],
        ),
      ]}
    />
  );
}
