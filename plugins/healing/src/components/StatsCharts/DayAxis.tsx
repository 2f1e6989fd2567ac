import type { HealingStatsBucket } from '@cloud-native-platform/plugin-healing-common';
import { formatDay } from '../../lib/format';
import { ChartBox } from './chartGeometry';
import { useChartStyles } from './chartStyles';

/** The first and last day under a daily chart, shared by both charts. */
export function DayAxis(props: {
  buckets: readonly HealingStatsBucket[];
  box: ChartBox;
}) {
  const { buckets, box } = props;
  const classes = useChartStyles();
  return (
    <>
      <text
        className={classes.axis}
        x={box.left}
        y={box.height - 4}
        textAnchor="start"
      >
        {formatDay(buckets[0].bucket)}
      </text>
      {buckets.length > 1 && (
        <text
          className={classes.axis}
          x={box.width - box.right}
          y={box.height - 4}
          textAnchor="end"
        >
          {formatDay(buckets[buckets.length - 1].bucket)}
        </text>
      )}
    </>
  );
}
