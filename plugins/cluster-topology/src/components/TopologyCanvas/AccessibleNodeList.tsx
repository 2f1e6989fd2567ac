import { memo } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import type { TopologyNode } from '@cloud-native-platform/plugin-cloud-native-common';

const useStyles = makeStyles({
  // The usual visually-hidden recipe: invisible, yet read by screen readers.
  hidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    padding: 0,
    margin: -1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

/** Names repeat across namespaces, so the label says where the node is. */
function itemLabel(node: TopologyNode): string {
  const where = [
    node.kind !== 'cluster' ? node.cluster : undefined,
    node.kind !== 'namespace' ? node.namespace : undefined,
  ]
    .filter(Boolean)
    .join('/');
  return `${node.name}, ${node.kind}${where ? ` in ${where}` : ''}, ${
    node.status
  }`;
}

interface ItemProps {
  node: TopologyNode;
  selected: boolean;
  onSelect(node: TopologyNode): void;
  onOpen?(node: TopologyNode): void;
}

// Memoised so that a selection change re-renders two items, not thousands.
function NodeItemView(props: ItemProps) {
  const { node, selected, onSelect, onOpen } = props;
  return (
    <li>
      <button
        type="button"
        aria-pressed={selected}
        onClick={() => onSelect(node)}
      >
        {itemLabel(node)}
      </button>
      {selected && onOpen && (
        <button type="button" onClick={() => onOpen(node)}>
          {`Open ${node.name}`}
        </button>
      )}
    </li>
  );
}
const NodeItem = memo(NodeItemView);

/** Props of {@link AccessibleNodeList}; callbacks must be stable across renders. */
export interface AccessibleNodeListProps {
  nodes: TopologyNode[];
  selectedId?: string;
  label: string;
  onSelect(node: TopologyNode): void;
  onOpen?(node: TopologyNode): void;
}

/**
 * The graph's nodes as a visually hidden list of buttons: the canvas is opaque
 * to assistive technology, so this is how screen-reader users (and tests)
 * select a node; the selected one also offers an "Open" button.
 */
function AccessibleNodeListView(props: AccessibleNodeListProps) {
  const classes = useStyles();
  return (
    <ul className={classes.hidden} aria-label={props.label}>
      {props.nodes.map(node => (
        <NodeItem
          key={node.id}
          node={node}
          selected={node.id === props.selectedId}
          onSelect={props.onSelect}
          onOpen={props.onOpen}
        />
      ))}
    </ul>
  );
}

/** Memoised: thousands of items re-render only when the graph or the selection changes. */
export const AccessibleNodeList = memo(AccessibleNodeListView);
