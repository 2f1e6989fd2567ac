import type { ChartBox, ChartDomain } from './chartGeometry';
import { valueY } from './chartGeometry';
import { useChartStyles } from './useChartStyles';

/**
 * A horizontal reference line, such as a target or an alert threshold.
 *
 * @public
 */
export interface ChartThreshold {
  value: number;
  /** What the line means, read by assistive technology ("good from 80"). */
  label: string;
  /** Colour of the line; the theme's warning colour by default. */
  color?: string;
}

/**
 * A label under the x axis; `at` is on the chart's x scale (a time or a slot index).
 *
 * @public
 */
export interface ChartXTick {
  at: number;
  label: string;
}

/**
 * Labels at the two ends of the x axis, such as the first and last day.
 *
 * @public
 */
export interface ChartEdgeLabels {
  start?: string;
  end?: string;
}

/** Grid lines with their value labels on the left of the plot. */
export function ValueGrid(props: {
  ticks: readonly number[];
  domain: ChartDomain;
  box: ChartBox;
  format: (value: number) => string;
}) {
  const { ticks, domain, box, format } = props;
  const classes = useChartStyles();
  return (
    <>
      {ticks.map(tick => {
        const y = valueY(tick, domain, box);
        return (
          <g key={`y${tick}`}>
            <line
              className={classes.grid}
              x1={box.left}
              x2={box.width - box.right}
              y1={y}
              y2={y}
            />
            <text
              className={classes.axis}
              x={box.left - 4}
              y={y + 4}
              textAnchor="end"
            >
              {format(tick)}
            </text>
          </g>
        );
      })}
    </>
  );
}

/** Dashed reference lines across the plot, each named by a title. */
export function ThresholdLines(props: {
  thresholds: readonly ChartThreshold[];
  domain: ChartDomain;
  box: ChartBox;
}) {
  const { thresholds, domain, box } = props;
  const classes = useChartStyles();
  return (
    <>
      {thresholds.map(t => {
        const y = valueY(t.value, domain, box);
        return (
          <line
            key={`t${t.value}-${t.label}`}
            className={classes.threshold}
            // Inline, since a presentation attribute loses to the class.
            style={t.color ? { stroke: t.color } : undefined}
            x1={box.left}
            x2={box.width - box.right}
            y1={y}
            y2={y}
          >
            <title>{t.label}</title>
          </line>
        );
      })}
    </>
  );
}

/** The x axis: labels at its ends and ticks placed by `xOf`. */
export function XAxis(props: {
  box: ChartBox;
  edges?: ChartEdgeLabels;
  ticks?: readonly ChartXTick[];
  xOf: (at: number) => number;
}) {
  const { box, edges, ticks, xOf } = props;
  const classes = useChartStyles();
  const bottom = box.height - box.bottom;
  return (
    <>
      {ticks?.map(t => (
        <g key={`x${t.at}`}>
          <line
            className={classes.grid}
            x1={xOf(t.at)}
            x2={xOf(t.at)}
            y1={bottom}
            y2={bottom + 4}
          />
          <text
            className={classes.axis}
            x={xOf(t.at)}
            y={bottom + 16}
            textAnchor="middle"
          >
            {t.label}
          </text>
        </g>
      ))}
      {edges?.start !== undefined && (
        <text
          className={classes.axis}
          x={box.left}
          y={box.height - 4}
          textAnchor="start"
        >
          {edges.start}
        </text>
      )}
      {edges?.end !== undefined && (
        <text
          className={classes.axis}
          x={box.width - box.right}
          y={box.height - 4}
          textAnchor="end"
        >
          {edges.end}
        </text>
      )}
    </>
  );
}
