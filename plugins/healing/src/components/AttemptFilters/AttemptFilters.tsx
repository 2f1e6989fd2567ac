import { useEffect, useId, useState } from 'react';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import {
  ATTEMPT_KINDS,
  ATTEMPT_STATUSES,
  AttemptFilter,
  HEALING_ACTIONS,
  HEALING_MODES,
} from '../../lib/attemptFilter';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(1, 2),
    marginBottom: theme.spacing(2),
  },
  field: {
    minWidth: 150,
  },
}));

/** Props of {@link AttemptFilters}. */
export interface AttemptFiltersProps {
  filter: AttemptFilter;
  onChange(change: Partial<AttemptFilter>): void;
  /** Leave out the entity filter, e.g. on an entity's own tab. */
  hideEntity?: boolean;
}

type TextKey = 'cluster' | 'namespace' | 'entityRef';
type SelectKey = 'action' | 'status' | 'mode' | 'kind';

const TEXT_LABELS: Record<TextKey, string> = {
  cluster: 'Cluster',
  namespace: 'Namespace',
  entityRef: 'Entity',
};

const SELECTS: Record<SelectKey, { label: string; options: string[] }> = {
  action: { label: 'Action', options: HEALING_ACTIONS },
  status: { label: 'Outcome', options: ATTEMPT_STATUSES },
  mode: { label: 'Mode', options: HEALING_MODES },
  kind: { label: 'Kind', options: ATTEMPT_KINDS },
};

const SELECT_KEYS = Object.keys(SELECTS) as SelectKey[];

// Free text is committed on Enter or when the field loses focus, so that
// typing a cluster name does not fire one request per keystroke.
function FilterTextField(props: {
  id: string;
  label: string;
  value?: string;
  disabled?: boolean;
  helperText?: string;
  onCommit(value: string | undefined): void;
}) {
  const classes = useStyles();
  const [text, setText] = useState(props.value ?? '');
  useEffect(() => setText(props.value ?? ''), [props.value]);
  const commit = () => {
    const value = text.trim() || undefined;
    if (value !== props.value) {
      props.onCommit(value);
    }
  };
  return (
    <TextField
      className={classes.field}
      id={props.id}
      label={props.label}
      size="small"
      value={text}
      disabled={props.disabled}
      helperText={props.helperText}
      InputLabelProps={{ shrink: true }}
      onChange={e => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={e => {
        if (e.key === 'Enter') {
          commit();
        }
      }}
    />
  );
}

/**
 * Filters of the healing history: cluster, namespace and entity as text,
 * action, outcome, mode and kind as choices.
 */
export function AttemptFilters(props: AttemptFiltersProps) {
  const { filter, onChange } = props;
  const classes = useStyles();
  const id = useId();
  const textKeys: TextKey[] = props.hideEntity
    ? ['cluster', 'namespace']
    : ['cluster', 'namespace', 'entityRef'];
  const active = [...textKeys, ...SELECT_KEYS].some(key => filter[key]);

  return (
    <div className={classes.row} role="group" aria-label="Filters">
      {textKeys.map(key => (
        <FilterTextField
          key={key}
          id={`${id}-${key}`}
          label={TEXT_LABELS[key]}
          value={filter[key]}
          disabled={key === 'namespace' && !filter.cluster}
          helperText={
            key === 'namespace' && !filter.cluster
              ? 'Choose a cluster first'
              : undefined
          }
          onCommit={value => onChange({ [key]: value })}
        />
      ))}
      {SELECT_KEYS.map(key => (
        <TextField
          key={key}
          select
          className={classes.field}
          id={`${id}-${key}`}
          label={SELECTS[key].label}
          size="small"
          value={filter[key] ?? ''}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e => onChange({ [key]: e.target.value || undefined })}
        >
          <option value="">All</option>
          {SELECTS[key].options.map(o => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </TextField>
      ))}
      {active && (
        <Button
          size="small"
          onClick={() =>
            onChange(
              Object.fromEntries(
                [...textKeys, ...SELECT_KEYS].map(k => [k, undefined]),
              ),
            )
          }
        >
          Clear filters
        </Button>
      )}
    </div>
  );
}
