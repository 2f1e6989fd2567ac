import { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { ChartDomain, placeBars, slotCentre } from './chartGeometry';
import { ChartMargin, chartBox, domainOf, ticksOf } from './chartFrame';
import {
  ChartEdgeLabels,
  ChartThreshold,
  ThresholdLines,
  ValueGrid,
  XAxis,
} from './ChartAxes';
import { ChartTone, useChartStyles } from './useChartStyles';

/**
 * One category's value.
 *
 * @public
 */
export interface BarChartBar {
  /** Unique among the bars: the category or period. */
  key: string;
  /** The value; a missing one leaves the category's slot empty. */
  value?: number;
  /** Names the bar for assistive technology and as its tooltip ("26 Nov: 3 min"). */
  label: string;
  /** Written under the bar, for categories that are not a sequence. */
  category?: string;
  /** Colour of the bar; the series colour by default. */
  color?: string;
}

/**
 * Props of {@link BarChart}.
 *
 * @public
 */
export interface BarChartProps {
  /** The accessible name of the chart: what it shows and, ideally, its latest value. */
  title: string;
  /** A longer description for assistive technology. */
  description?: string;
  /** In the order they are drawn, left to right, one equal slot each. */
  bars: readonly BarChartBar[];
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
  /** Palette colour of the bars. Default `primary`. */
  tone?: ChartTone;
  /** Shown instead of the chart when no bar has a value. */
  emptyMessage?: ReactNode;
  width?: number;
  height?: number;
  margin?: Partial<ChartMargin>;
}

/**
 * Categorical values as a small SVG bar chart with an accessible name and
 * one titled bar per value; a sentence instead when there is nothing to draw.
 *
 * @public
 */
export function BarChart(props: BarChartProps) {
  const classes = useChartStyles();
  const { bars, tone = 'primary' } = props;
  const values = bars
    .map(b => b.value)
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
  const placed = placeBars(
    bars.map(b => b.value),
    domain,
    box,
  );
  const fill = tone === 'success' ? classes.successFill : classes.primaryFill;
  const categoryTicks = bars.flatMap((b, i) =>
    b.category === undefined ? [] : [{ at: i, label: b.category }],
  );

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
      {placed.map(bar => (
        <rect
          key={bars[bar.index].key}
          className={`${classes.bar} ${bars[bar.index].color ? '' : fill}`}
          fill={bars[bar.index].color}
          x={bar.x}
          y={bar.y}
          width={bar.width}
          height={bar.height}
        >
          <title>{bars[bar.index].label}</title>
        </rect>
      ))}
      {props.thresholds && (
        <ThresholdLines
          thresholds={props.thresholds}
          domain={domain}
          box={box}
        />
      )}
      <XAxis
        box={box}
        edges={props.edgeLabels}
        ticks={categoryTicks.length > 0 ? categoryTicks : undefined}
        xOf={at => slotCentre(at, bars.length, box)}
      />
    </svg>
  );
}
