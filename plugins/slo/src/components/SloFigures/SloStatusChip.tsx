import { StatusChip } from '@cloud-native-platform/plugin-cloud-native-react';
import type { SloStatus } from '@cloud-native-platform/plugin-slo-common';
import { statusLook } from './sloFigures';

/** An SLO's status (ok, burning, exhausted, no data) in its colour. */
export function SloStatusChip(props: { status: SloStatus }) {
  const { label, color } = statusLook(props.status);
  return <StatusChip label={label} color={color} />;
}
