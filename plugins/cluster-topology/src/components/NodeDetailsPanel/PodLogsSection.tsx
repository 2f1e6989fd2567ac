import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { useId, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { clusterTopologyApiRef } from '../../api';
import { objectQueryOf } from './NodeObjectSections';
import { containersOf, podsOfWorkload } from './podLogTargets';
import { PodLogsViewer } from './PodLogsViewer';

const useStyles = makeStyles(theme => ({
  section: {
    marginTop: theme.spacing(2),
  },
  body: {
    display: 'block',
    minWidth: 0,
  },
  pod: {
    minWidth: 240,
    marginBottom: theme.spacing(1),
  },
}));

/** Whether a graph node has logs to show: a pod, or a workload's pods. */
export function hasPodLogs(node: TopologyNode): boolean {
  return (
    Boolean(node.cluster && node.namespace) &&
    (node.kind === 'pod' || node.kind === 'workload')
  );
}

/** Props of {@link PodLogsSection}. */
export interface PodLogsSectionProps {
  /** A pod node, or a workload node whose pods to choose from. */
  node: TopologyNode;
  /** The nodes of the graph, which hold a workload's pods once expanded. */
  nodes: readonly TopologyNode[];
}

function PodLogsBody(props: PodLogsSectionProps) {
  const { node, nodes } = props;
  const classes = useStyles();
  const api = useApi(clusterTopologyApiRef);
  const cluster = node.cluster!;
  const namespace = node.namespace!;
  const shownPods =
    node.kind === 'pod' ? [node.name] : podsOfWorkload(node, nodes);

  // A collapsed workload's pods are not in the graph: ask for them.
  const pods = useAsync(async () => {
    if (shownPods.length > 0) return shownPods;
    const graph = await api.getGraph({
      cluster,
      namespace,
      expand: [node.id],
      layers: ['static'],
    });
    return podsOfWorkload(node, graph.nodes);
  }, [api, cluster, namespace, node.id, shownPods.join(',')]);

  // The containers are named by the pod or the workload's pod template;
  // without read access to the object the container is typed in.
  const objectQuery = objectQueryOf(node);
  const containers = useAsync(async () => {
    if (!objectQuery) return [];
    try {
      return containersOf((await api.getObject(objectQuery)).object);
    } catch {
      return [];
    }
  }, [api, objectQuery?.kind, objectQuery?.name, cluster, namespace]);

  const [chosen, setChosen] = useState<string>();
  const podFieldId = useId();
  if (pods.loading || containers.loading) return <Progress />;
  if (pods.error) {
    return (
      <RequestErrorPanel error={pods.error} what={`the pods of ${node.name}`} />
    );
  }
  const podNames = pods.value ?? [];
  if (podNames.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {node.name} has no pods.
      </Typography>
    );
  }
  const pod = chosen && podNames.includes(chosen) ? chosen : podNames[0];
  return (
    <div className={classes.body}>
      {node.kind === 'workload' && (
        <TextField
          select
          size="small"
          className={classes.pod}
          id={podFieldId}
          label="Pod"
          value={pod}
          onChange={e => setChosen(e.target.value)}
        >
          {podNames.map(name => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
      )}
      <PodLogsViewer
        key={pod}
        cluster={cluster}
        namespace={namespace}
        pod={pod}
        containers={containers.value ?? []}
      />
    </div>
  );
}

/**
 * The logs of a pod node, or of one pod of a workload node, read only once
 * the section is opened.
 */
export function PodLogsSection(props: PodLogsSectionProps) {
  const classes = useStyles();
  const id = useId();
  return (
    <Accordion
      className={classes.section}
      TransitionProps={{ unmountOnExit: true }}
    >
      <AccordionSummary
        id={`${id}-header`}
        aria-controls={`${id}-content`}
        expandIcon={<ExpandMoreIcon />}
      >
        <Typography variant="subtitle2" component="h3">
          Logs
        </Typography>
      </AccordionSummary>
      <AccordionDetails className={classes.body}>
        <PodLogsBody {...props} />
      </AccordionDetails>
    </Accordion>
  );
}
