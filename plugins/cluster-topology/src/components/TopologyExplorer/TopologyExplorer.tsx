import { useCallback, useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Breadcrumbs,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  TopologyGraph,
  TopologyNode,
} from '@cloud-native-platform/plugin-cloud-native-common';
import { clusterTopologyApiRef, TopologyGraphQuery } from '../../api';
import { filterGraph, filterOptions, searchGraph } from '../../lib/filterGraph';
import type { AutoRefresh } from '../../lib/useAutoRefresh';
import { TopologyViewState, useTopologyViewState } from '../../lib/viewState';
import { NodeDetailsPanel } from '../NodeDetailsPanel';
import { TopologyCanvas } from '../TopologyCanvas';
import { TopologyFilters } from '../TopologyFilters';
import { TopologyLegend } from '../TopologyLegend';

const useStyles = makeStyles(theme => ({
  panel: {
    padding: theme.spacing(2),
  },
  canvas: {
    overflow: 'hidden',
  },
  empty: {
    padding: theme.spacing(4),
    textAlign: 'center',
  },
}));

/** Props of {@link TopologyExplorer}. */
export interface TopologyExplorerProps {
  /** Draw the graph of one catalog entity instead of the drill-down levels. */
  entityRef?: string;
  refresh: AutoRefresh;
  height?: number | string;
}

type OpenAction = 'cluster' | 'namespace' | 'expand' | 'collapse';

function openAction(
  node: TopologyNode,
  state: TopologyViewState,
  entityMode: boolean,
): OpenAction | undefined {
  if (node.kind === 'workload') {
    return state.expand.includes(node.id) ? 'collapse' : 'expand';
  }
  // The entity graph has no levels to drill into.
  if (entityMode) {
    return undefined;
  }
  if (node.kind === 'cluster' && node.cluster !== state.cluster) {
    return 'cluster';
  }
  if (node.kind === 'namespace' && !state.namespace) {
    return 'namespace';
  }
  return undefined;
}

const openLabels: Record<OpenAction, string> = {
  cluster: 'Open cluster',
  namespace: 'Open namespace',
  expand: 'Show pods',
  collapse: 'Hide pods',
};

function clusterOf(node: TopologyNode): string {
  return node.cluster ?? node.name;
}

/**
 * The topology graph with its filters, warnings, legend and side panel. The
 * view lives in the URL query string; see `useTopologyViewState`.
 */
export function TopologyExplorer(props: TopologyExplorerProps) {
  const { entityRef, refresh, height = 600 } = props;
  const classes = useStyles();
  const api = useApi(clusterTopologyApiRef);
  const [state, update] = useTopologyViewState();
  const entityMode = entityRef !== undefined;

  const query: TopologyGraphQuery = entityMode
    ? { entityRef }
    : { cluster: state.cluster, namespace: state.namespace };
  query.expand = state.expand;
  query.layers = state.layers;
  query.window = state.window;
  // Only what the backend answers goes into the key, so that selecting or
  // filtering does not reload the graph.
  const queryKey = JSON.stringify(query);

  const { value, error } = useAsync(async () => {
    const graph = await api.getGraph(JSON.parse(queryKey));
    return { queryKey, graph };
  }, [api, queryKey, refresh.tick]);

  // A refresh keeps showing the previous graph; a new query does not.
  const graph: TopologyGraph | undefined =
    value?.queryKey === queryKey ? value.graph : undefined;

  const filtered = useMemo(
    () =>
      graph &&
      filterGraph(graph, {
        namespace: state.filterNamespace,
        kind: state.filterKind,
        health: state.health,
      }),
    [graph, state.filterNamespace, state.filterKind, state.health],
  );
  const highlightIds = useMemo(
    () => (filtered ? searchGraph(filtered, state.search) : new Set<string>()),
    [filtered, state.search],
  );
  const options = useMemo(
    () => (graph ? filterOptions(graph) : { namespaces: [], kinds: [] }),
    [graph],
  );

  const selectedNode = graph?.nodes.find(n => n.id === state.selected);
  const childrenOf = (node: TopologyNode) =>
    graph?.nodes.filter(n => n.parent === node.id) ?? [];

  const onSelect = useCallback(
    (node: TopologyNode | undefined) =>
      update({ selected: node?.id }, { replace: true }),
    [update],
  );

  const onOpen = useCallback(
    (node: TopologyNode) => {
      if (node.kind === 'group' && !entityMode) {
        const clusters = (graph?.nodes ?? []).filter(
          n => n.parent === node.id && n.kind === 'cluster',
        );
        // A group of one cluster opens it; otherwise the side panel lists the
        // group's clusters to pick from.
        if (clusters.length === 1) {
          update({
            cluster: clusterOf(clusters[0]),
            namespace: undefined,
            expand: [],
            selected: undefined,
          });
        } else {
          update({ selected: node.id }, { replace: true });
        }
        return;
      }
      switch (openAction(node, state, entityMode)) {
        case 'cluster':
          update({
            cluster: clusterOf(node),
            namespace: undefined,
            expand: [],
            selected: undefined,
          });
          break;
        case 'namespace':
          update({
            cluster: node.cluster ?? state.cluster,
            namespace: node.namespace ?? node.name,
            expand: [],
            selected: undefined,
          });
          break;
        case 'expand':
          update({ expand: [...state.expand, node.id], selected: node.id });
          break;
        case 'collapse':
          update({
            expand: state.expand.filter(id => id !== node.id),
            selected: node.id,
          });
          break;
        default:
          update({ selected: node.id }, { replace: true });
      }
    },
    [entityMode, graph, state, update],
  );

  const openLabel = (node: TopologyNode) => {
    if (node.kind === 'group') {
      return undefined;
    }
    const action = openAction(node, state, entityMode);
    return action && openLabels[action];
  };

  const goTo = (change: Partial<TopologyViewState>) =>
    update({ expand: [], selected: undefined, ...change });

  let body;
  if (!graph && error) {
    body = <RequestErrorPanel error={error} what="the graph" />;
  } else if (!graph) {
    body = <Progress />;
  } else {
    body = (
      <>
        {error && (
          <ResponseErrorPanel
            error={error}
            title="Could not refresh the graph; showing the last answer"
          />
        )}
        {graph.errors.map(e => (
          <WarningPanel
            key={e.cluster}
            severity="warning"
            title={`Cluster ${e.cluster} answered partially`}
            message={e.error}
          />
        ))}
        {graph.notices.map(notice => (
          <WarningPanel key={notice} severity="info" title={notice} />
        ))}
        <Grid container spacing={2}>
          <Grid
            item
            xs={12}
            md={selectedNode ? 8 : 12}
            lg={selectedNode ? 9 : 12}
          >
            <Paper className={classes.canvas}>
              {filtered!.nodes.length === 0 ? (
                <Typography className={classes.empty} color="textSecondary">
                  {graph.nodes.length === 0
                    ? 'Nothing to draw at this level.'
                    : 'No node matches the filters.'}
                </Typography>
              ) : (
                <TopologyCanvas
                  graph={filtered!}
                  selectedId={state.selected}
                  highlightIds={highlightIds}
                  onSelect={onSelect}
                  onOpen={onOpen}
                  height={height}
                />
              )}
            </Paper>
            <Box mt={1}>
              <TopologyLegend />
            </Box>
          </Grid>
          {selectedNode && (
            <Grid item xs={12} md={4} lg={3}>
              <NodeDetailsPanel
                node={selectedNode}
                children={childrenOf(selectedNode)}
                openLabel={openLabel}
                onOpen={onOpen}
                onClose={() => onSelect(undefined)}
                graph={filtered}
                onSelect={onSelect}
              />
            </Grid>
          )}
        </Grid>
      </>
    );
  }

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <Paper className={classes.panel}>
        <TopologyFilters
          state={state}
          namespaces={options.namespaces}
          kinds={options.kinds}
          matchCount={highlightIds.size}
          paused={refresh.paused}
          onChange={change => update(change, { replace: true })}
          onTogglePause={refresh.togglePause}
          onRefresh={refresh.refresh}
        />
      </Paper>
      {!entityMode && (
        <Breadcrumbs aria-label="Topology level">
          {state.cluster ? (
            <Link
              component="button"
              onClick={() => goTo({ cluster: undefined, namespace: undefined })}
            >
              Fleet
            </Link>
          ) : (
            <Typography>Fleet</Typography>
          )}
          {state.cluster &&
            (state.namespace ? (
              <Link
                component="button"
                onClick={() => goTo({ namespace: undefined })}
              >
                {state.cluster}
              </Link>
            ) : (
              <Typography>{state.cluster}</Typography>
            ))}
          {state.cluster && state.namespace && (
            <Typography>{state.namespace}</Typography>
          )}
        </Breadcrumbs>
      )}
      {body}
    </Box>
  );
}
