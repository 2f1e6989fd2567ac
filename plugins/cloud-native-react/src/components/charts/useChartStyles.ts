import { makeStyles } from '@material-ui/core/styles';

/** Classes of the suite's charts, from the MUI theme, so they read as one family. */
export const useChartStyles = makeStyles(theme => ({
  svg: {
    display: 'block',
    width: '100%',
    height: 'auto',
    overflow: 'visible',
  },
  axis: {
    fill: theme.palette.text.secondary,
    fontSize: 11,
    fontFamily: theme.typography.fontFamily,
  },
  grid: {
    stroke: theme.palette.divider,
    strokeWidth: 1,
  },
  threshold: {
    stroke: theme.palette.warning.main,
    strokeWidth: 1,
    strokeDasharray: '4 4',
    opacity: 0.7,
  },
  primaryLine: {
    fill: 'none',
    stroke: theme.palette.primary.main,
    strokeWidth: 2,
    strokeLinejoin: 'round',
  },
  successLine: {
    fill: 'none',
    stroke: theme.palette.success.main,
    strokeWidth: 2,
    strokeLinejoin: 'round',
  },
  primaryFill: { fill: theme.palette.primary.main },
  successFill: { fill: theme.palette.success.main },
  area: { fillOpacity: 0.08 },
  bar: { opacity: 0.85 },
}));

/**
 * The palette colour a chart draws its series in.
 *
 * @public
 */
export type ChartTone = 'primary' | 'success';
