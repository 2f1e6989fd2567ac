import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { statusColors } from '@cloud-native-platform/plugin-cloud-native-react';
import type {
  SloAlerting,
  SloLatency,
  SloObjective,
} from '@cloud-native-platform/plugin-slo-common';
import {
  BURN_WINDOWS,
  BudgetBar,
  BurnRateCell,
  SloStatusChip,
  formatObjective,
  formatQuantile,
  formatSeconds,
} from '../SloFigures';

const useStyles = makeStyles(theme => ({
  firing: {
    color: statusColors.failing,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  pending: { color: theme.palette.warning.dark },
  missed: {
    color: statusColors.failing,
    fontWeight: theme.typography.fontWeightBold as number,
  },
  // Figures and short words read badly when broken over lines.
  nowrap: { whiteSpace: 'nowrap' },
  head: { '& th': { whiteSpace: 'nowrap' } },
  // Names are long words (trading-engine-availability, FastBurn alert
  // names); below this they would break letter by letter.
  name: {
    display: 'block',
    minWidth: theme.spacing(24),
    textAlign: 'left',
    wordBreak: 'break-word',
  },
}));

function AlertsCell(props: { alerting: SloAlerting }) {
  const { rules, active } = props.alerting;
  const classes = useStyles();
  if (active.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        none {rules.length > 0 && `(${rules.length} rules)`}
      </Typography>
    );
  }
  return (
    <>
      {active.map(a => (
        <div key={`${a.cluster}/${a.name}`}>
          <Typography variant="body2" className={classes[a.state]}>
            {a.name}
          </Typography>
          <Typography variant="caption" color="textSecondary" component="div">
            {a.state} in {a.cluster}
            {a.severity && ` (${a.severity})`}
          </Typography>
        </div>
      ))}
    </>
  );
}

function LatencyCell(props: { latency?: SloLatency }) {
  const { latency } = props;
  const classes = useStyles();
  if (!latency) return <>–</>;
  const text = `${formatQuantile(latency.quantile)} ${formatSeconds(
    latency.observedSeconds,
  )} / ${formatSeconds(latency.thresholdSeconds)}`;
  return (
    <span
      className={latency.met === false ? classes.missed : undefined}
      title={
        latency.met === null
          ? 'no latency data over the last 5 minutes'
          : `${
              latency.met ? 'within' : 'above'
            } the threshold over the last 5 minutes`
      }
    >
      {text}
    </span>
  );
}

/** Props of {@link SloTable}. */
export interface SloTableProps {
  items: SloObjective[];
  selected?: string;
  onSelect(name: string): void;
}

/** One row per SLO of an entity; a name selects it for the details below. */
export function SloTable(props: SloTableProps) {
  const { items, selected, onSelect } = props;
  const classes = useStyles();
  return (
    <Box overflow="auto">
      <Table size="small" aria-label="Service level objectives">
        <TableHead className={classes.head}>
          <TableRow>
            <TableCell>SLO</TableCell>
            <TableCell>Kind</TableCell>
            <TableCell>Source</TableCell>
            <TableCell align="right">Objective</TableCell>
            <TableCell>Window</TableCell>
            <TableCell>Budget remaining</TableCell>
            {BURN_WINDOWS.map(w => (
              <TableCell key={w} align="right">
                Burn {w}
              </TableCell>
            ))}
            <TableCell>Status</TableCell>
            <TableCell>Alerts</TableCell>
            <TableCell>Latency</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map(slo => {
            const isSelected = slo.name === selected;
            return (
              <TableRow key={slo.name} selected={isSelected}>
                <TableCell>
                  <Link
                    className={classes.name}
                    component="button"
                    variant="body2"
                    aria-pressed={isSelected}
                    onClick={() => onSelect(slo.name)}
                  >
                    {slo.name}
                  </Link>
                </TableCell>
                <TableCell className={classes.nowrap}>{slo.kind}</TableCell>
                <TableCell className={classes.nowrap}>{slo.source}</TableCell>
                <TableCell align="right" className={classes.nowrap}>
                  {formatObjective(slo.objective)}
                </TableCell>
                <TableCell className={classes.nowrap}>{slo.window}</TableCell>
                <TableCell>
                  <BudgetBar
                    remaining={slo.errorBudgetRemaining}
                    of={slo.name}
                  />
                </TableCell>
                {BURN_WINDOWS.map(w => (
                  <BurnRateCell key={w} window={w} rate={slo.burnRates[w]} />
                ))}
                <TableCell>
                  <SloStatusChip status={slo.status} />
                </TableCell>
                <TableCell>
                  <div className={classes.name}>
                    <AlertsCell alerting={slo.alerting} />
                  </div>
                </TableCell>
                <TableCell className={classes.nowrap}>
                  <LatencyCell latency={slo.latency} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </Box>
  );
}
