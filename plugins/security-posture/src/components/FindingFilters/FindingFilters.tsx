import { useId } from 'react';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  SEVERITIES,
  type CheckCategory,
} from '@cloud-native-platform/plugin-security-posture-common';
import type { FindingFilter } from '../../lib/findingGroups';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 3),
    marginBottom: theme.spacing(2),
  },
  severities: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  select: {
    minWidth: 160,
  },
  capitalize: {
    textTransform: 'capitalize',
  },
}));

/** Props of {@link FindingFilters}. */
export interface FindingFiltersProps {
  filter: FindingFilter;
  categories: string[];
  /** Clusters to choose from; the cluster select is left out when empty. */
  clusters: string[];
  /** Title of the check the view is narrowed to, if any. */
  checkTitle?: string;
  onChange(change: Partial<FindingFilter>): void;
}

function toggle<T>(values: readonly T[], value: T): T[] {
  return values.includes(value)
    ? values.filter(v => v !== value)
    : [...values, value];
}

/** Severity, category, cluster and exception filters of a findings view. */
export function FindingFilters(props: FindingFiltersProps) {
  const { filter, onChange } = props;
  const classes = useStyles();
  const id = useId();
  return (
    <div className={classes.row}>
      <FormGroup
        row
        className={classes.severities}
        role="group"
        aria-label="Severity"
      >
        <FormLabel component="span">Severity</FormLabel>
        {SEVERITIES.map(severity => (
          <FormControlLabel
            key={severity}
            className={classes.capitalize}
            label={severity}
            control={
              <Checkbox
                size="small"
                checked={filter.severities.includes(severity)}
                onChange={() =>
                  onChange({ severities: toggle(filter.severities, severity) })
                }
              />
            }
          />
        ))}
      </FormGroup>
      <TextField
        select
        className={classes.select}
        id={`${id}-category`}
        label="Category"
        size="small"
        value={filter.category ?? ''}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        onChange={e =>
          onChange({
            category: (e.target.value || undefined) as
              | CheckCategory
              | undefined,
          })
        }
      >
        <option value="">All</option>
        {props.categories.map(c => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </TextField>
      {props.clusters.length > 0 && (
        <TextField
          select
          className={classes.select}
          id={`${id}-cluster`}
          label="Cluster"
          size="small"
          value={filter.cluster ?? ''}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e => onChange({ cluster: e.target.value || undefined })}
        >
          <option value="">All</option>
          {props.clusters.map(c => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </TextField>
      )}
      <FormControlLabel
        label="Show excepted"
        control={
          <Switch
            checked={filter.showExcepted}
            onChange={(_e, checked) => onChange({ showExcepted: checked })}
          />
        }
      />
      {filter.checkId && (
        <Chip
          label={`Check: ${props.checkTitle ?? filter.checkId}`}
          onDelete={() => onChange({ checkId: undefined })}
          deleteIcon={undefined}
          aria-label={`Check filter ${props.checkTitle ?? filter.checkId}`}
        />
      )}
    </div>
  );
}
