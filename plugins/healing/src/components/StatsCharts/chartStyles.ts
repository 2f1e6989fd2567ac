import { makeStyles } from '@material-ui/core/styles';

/** Styles the healing charts share, so they read as one family. */
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
  bar: {
    fill: theme.palette.primary.main,
    opacity: 0.85,
  },
  line: {
    fill: 'none',
    stroke: theme.palette.success.main,
    strokeWidth: 2,
    strokeLinejoin: 'round',
  },
  dot: {
    fill: theme.palette.success.main,
  },
}));
