import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import PauseIcon from '@material-ui/icons/Pause';
import PlayArrowIcon from '@material-ui/icons/PlayArrow';
import RefreshIcon from '@material-ui/icons/Refresh';
import SearchIcon from '@material-ui/icons/Search';
import {
  isTrafficWindow,
  type TopologyHealth,
} from '@cloud-native-platform/plugin-cloud-native-common';
import type { TopologyLayer } from '../../api';
import { healthStates } from '../../lib/health';
import { TopologyViewState, trafficWindows } from '../../lib/viewState';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
  },
  search: {
    minWidth: 240,
  },
  select: {
    minWidth: 140,
  },
  group: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  capitalize: {
    textTransform: 'capitalize',
  },
}));

const layerLabels: Record<TopologyLayer, string> = {
  static: 'Static',
  traffic: 'Traffic',
  catalog: 'Catalog',
  storage: 'Storage',
};

/** Props of {@link TopologyFilters}. */
export interface TopologyFiltersProps {
  state: TopologyViewState;
  namespaces: string[];
  kinds: string[];
  /** Number of nodes the search matches, shown while searching. */
  matchCount: number;
  paused: boolean;
  onChange(change: Partial<TopologyViewState>): void;
  onTogglePause(): void;
  onRefresh(): void;
}

function toggle<T>(values: T[], value: T): T[] {
  return values.includes(value)
    ? values.filter(v => v !== value)
    : [...values, value];
}

/** Search, filters, layers, traffic window and refresh controls. */
export function TopologyFilters(props: TopologyFiltersProps) {
  const { state, namespaces, kinds, matchCount, paused, onChange } = props;
  const classes = useStyles();
  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      <div className={classes.row}>
        <TextField
          className={classes.search}
          label="Search"
          placeholder="Name or label"
          size="small"
          variant="outlined"
          value={state.search}
          onChange={e => onChange({ search: e.target.value })}
          InputProps={{
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          }}
          inputProps={{ 'aria-label': 'Search nodes' }}
        />
        {state.search.trim() && (
          <Typography variant="body2" color="textSecondary" role="status">
            {matchCount === 1 ? '1 match' : `${matchCount} matches`}
          </Typography>
        )}
        <TextField
          className={classes.select}
          select
          label="Namespace"
          size="small"
          variant="outlined"
          value={state.filterNamespace ?? ''}
          onChange={e =>
            onChange({ filterNamespace: e.target.value || undefined })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">All</option>
          {namespaces.map(ns => (
            <option key={ns} value={ns}>
              {ns}
            </option>
          ))}
        </TextField>
        <TextField
          className={classes.select}
          select
          label="Kind"
          size="small"
          variant="outlined"
          value={state.filterKind ?? ''}
          onChange={e => onChange({ filterKind: e.target.value || undefined })}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="">All</option>
          {kinds.map(kind => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </TextField>
        <TextField
          className={classes.select}
          select
          label="Traffic window"
          size="small"
          variant="outlined"
          value={state.window}
          onChange={e => {
            // The select offers only the windows the backend accepts.
            if (isTrafficWindow(e.target.value)) {
              onChange({ window: e.target.value });
            }
          }}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          {trafficWindows.map(w => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </TextField>
        <Box flexGrow={1} />
        <Button
          size="small"
          variant="outlined"
          startIcon={paused ? <PlayArrowIcon /> : <PauseIcon />}
          onClick={props.onTogglePause}
        >
          {paused ? 'Resume auto-refresh' : 'Pause auto-refresh'}
        </Button>
        <Tooltip title="Refresh now">
          <IconButton
            size="small"
            aria-label="Refresh now"
            onClick={props.onRefresh}
          >
            <RefreshIcon />
          </IconButton>
        </Tooltip>
      </div>
      <div className={classes.row}>
        <FormGroup row className={classes.group} aria-label="Health filter">
          <FormLabel component="legend">Health</FormLabel>
          {healthStates.map((health: TopologyHealth) => (
            <FormControlLabel
              key={health}
              className={classes.capitalize}
              control={
                <Checkbox
                  size="small"
                  checked={state.health.includes(health)}
                  onChange={() =>
                    onChange({ health: toggle(state.health, health) })
                  }
                />
              }
              label={health}
            />
          ))}
        </FormGroup>
        <FormGroup row className={classes.group} aria-label="Layers">
          <FormLabel component="legend">Layers</FormLabel>
          {(Object.keys(layerLabels) as TopologyLayer[]).map(layer => (
            <FormControlLabel
              key={layer}
              control={
                <Checkbox
                  size="small"
                  checked={state.layers.includes(layer)}
                  onChange={() =>
                    onChange({ layers: toggle(state.layers, layer) })
                  }
                />
              }
              label={layerLabels[layer]}
            />
          ))}
        </FormGroup>
      </div>
    </Box>
  );
}
