import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import {
  ChartDomain,
  PlacedPoint,
  areaPath,
  linePath,
  placeSlotPoints,
  placeTimePoints,
  slotCentre,
  timeRange,
  timeX,
  valueY,
} from './chartGeometry';
import { ChartMargin, chartBox, domainOf, ticksOf, timeOf } from './chartFrame';
import {
  ChartEdgeLabels,
  ChartThreshold,
  ChartXTick,
  ThresholdLines,
  ValueGrid,
  XAxis,
} from './ChartAxes';
import { ChartTone, useChartStyles } from './useChartStyles';

/**
 * One value of a time series.
 *
 * @public
 */
export interface TrendChartPoint {
  /** Unique among the points: the time or period the value is of. */
  key: string;
  /** When the value was taken, in milliseconds or ISO 8601; placed by it when `placement` is `time`. */
  time?: number | string;
  /** The value; a missing one breaks the line. */
  value?: number;
  /** Names the point for assistive technology and as its tooltip ("26 Nov: 68"). */
  label: string;
  /** Colour of the point's dot; the series colour by default. */
  color?: string;
}

/**
 * Props of {@link TrendChart}.
 *
 * @public
 */
export interface TrendChartProps {
  /** The accessible name of the chart: what it shows and, ideally, its latest value. */
  title: string;
  /** A longer description for assistive technology. */
  description?: string;
  /** Oldest first. */
  points: readonly TrendChartPoint[];
  /**
   * `time` places points by their time, so that gaps in a history show as
   * gaps; `slot` gives each point an equal slot (days, buckets). Default `time`.
   */
  placement?: 'time' | 'slot';
  /** The y axis; by default 0 to a round number above the largest value. */
  domain?: ChartDomain;
  /** Values with a grid line; by default the bottom, middle and top of the domain. */
  yTicks?: readonly number[];
  /** How a value reads on the y axis. */
  formatValue?: (value: number) => string;
  /** Dashed reference lines: a target, an alert threshold. */
  thresholds?: readonly ChartThreshold[];
  /** Labels at the ends of the x axis. */
  edgeLabels?: ChartEdgeLabels;
  /** Labelled ticks on the x axis, `at` a time (placement `time`) or a point's index (`slot`). */
  xTicks?: readonly ChartXTick[];
  /** Shades the area under the line. */
  area?: boolean;
  /** Past this many points only the latest gets a dot, so that dots do not hide the line. */
  maxDots?: number;
  /** Palette colour of the line and dots. Default `primary`. */
  tone?: ChartTone;
  /** Shown instead of the chart when no point has a value. */
  emptyMessage?: ReactNode;
  width?: number;
  height?: number;
  margin?: Partial<ChartMargin>;
}

/**
 * A time series as a small SVG line chart with an accessible name, one
 * titled dot per value and optional reference lines; a sentence instead
 * when there is nothing to draw.
 *
 * @public
 */
export function TrendChart(props: TrendChartProps) {
  const classes = useChartStyles();
  const { points, placement = 'time', tone = 'primary' } = props;
  const values = points
    .map(p => p.value)
    .filter((v): v is number => v !== undefined && Number.isFinite(v));

  if (values.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.emptyMessage ?? 'No data in this period.'}
      </Typography>
    );
  }

  const box = chartBox(props);
  const domain = domainOf(values, props.domain);
  const times = points.map(p => timeOf(p.time));
  const range = timeRange(times);
  const placed: Array<PlacedPoint | undefined> =
    placement === 'time'
      ? placeTimePoints(
          points.map((p, i) => ({ time: times[i], value: p.value })),
          domain,
          box,
        )
      : placeSlotPoints(
          points.map(p => p.value),
          domain,
          box,
        );
  const drawn = placed.filter((p): p is PlacedPoint => p !== undefined);
  const dots =
    props.maxDots !== undefined && drawn.length > props.maxDots
      ? drawn.slice(-1)
      : drawn;
  const xOf = (at: number) =>
    placement === 'time'
      ? timeX(at, range, box)
      : slotCentre(at, points.length, box);
  const fill = tone === 'success' ? classes.successFill : classes.primaryFill;

  return (
    <svg
      className={classes.svg}
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={props.title}
    >
      <title>{props.title}</title>
      {props.description && <desc>{props.description}</desc>}
      <ValueGrid
        ticks={ticksOf(domain, props.yTicks)}
        domain={domain}
        box={box}
        format={props.formatValue ?? String}
      />
      {props.thresholds && (
        <ThresholdLines
          thresholds={props.thresholds}
          domain={domain}
          box={box}
        />
      )}
      <path
        className={
          tone === 'success' ? classes.successLine : classes.primaryLine
        }
        d={linePath(placed)}
      />
      {props.area && (
        <path
          className={`${fill} ${classes.area}`}
          d={areaPath(placed, valueY(domain[0], domain, box))}
        />
      )}
      {dots.map(p => (
        <circle
          key={points[p.index].key}
          className={points[p.index].color ? undefined : fill}
          fill={points[p.index].color}
          cx={p.x}
          cy={p.y}
          r={3.5}
        >
          <title>{points[p.index].label}</title>
        </circle>
      ))}
      <XAxis
        box={box}
        edges={props.edgeLabels}
        ticks={props.xTicks}
        xOf={xOf}
      />
    </svg>
  );
}
