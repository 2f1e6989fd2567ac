import Box from '@material-ui/core/Box';
import type { DrStatus } from '../../api';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';

/** What each DR status means, in a few words. */
export const drStatusLabels: Record<DrStatus, string> = {
  ready: 'Ready',
  'at-risk': 'At risk',
  'not-ready': 'Not ready',
  'not-applicable': 'No production workload',
};

const drStatusDotColors: Record<DrStatus, string> = {
  ready: statusColors.healthy,
  'at-risk': statusColors.degraded,
  'not-ready': statusColors.failing,
  'not-applicable': statusColors.idle,
};

/** A DR status as a coloured dot and its label. */
export function DrStatusLabel(props: { status: DrStatus }) {
  return (
    <Box component="span" display="inline-flex" alignItems="center">
      <Box
        component="span"
        aria-hidden
        width={8}
        height={8}
        borderRadius="50%"
        marginRight={1}
        flexShrink={0}
        style={{ backgroundColor: drStatusDotColors[props.status] }}
      />
      {drStatusLabels[props.status]}
    </Box>
  );
}
