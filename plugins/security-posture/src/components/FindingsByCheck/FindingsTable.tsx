import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReportFinding } from '@cloud-native-platform/plugin-security-posture-common';
import { describeResource } from '../../lib/findingGroups';

const useStyles = makeStyles(theme => ({
  excepted: {
    backgroundColor: theme.palette.action.hover,
    '& $message': {
      textDecoration: 'line-through',
      color: theme.palette.text.secondary,
    },
  },
  message: {},
  mono: {
    fontFamily: 'monospace',
    fontSize: theme.typography.caption.fontSize,
    overflowWrap: 'anywhere',
  },
  exception: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: theme.spacing(0.5),
  },
}));

/** Props of {@link FindingsTable}. */
export interface FindingsTableProps {
  /** Names the table, e.g. the check's title. */
  title: string;
  findings: ReportFinding[];
  /** The group's remediation; a finding's own is shown only when it differs. */
  remediation?: string;
  showCluster: boolean;
}

/** Findings of one check: resource, container, message and exception. */
export function FindingsTable(props: FindingsTableProps) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label={`Findings of ${props.title}`}>
      <TableHead>
        <TableRow>
          {props.showCluster && <TableCell>Cluster</TableCell>}
          <TableCell>Resource</TableCell>
          <TableCell>Container</TableCell>
          <TableCell>Message</TableCell>
          <TableCell>Exception</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.findings.map((f, i) => (
          <TableRow
            key={`${f.resource.cluster}/${f.resource.namespace}/${f.resource.kind}/${f.resource.name}/${f.resource.container}/${i}`}
            className={f.excepted ? classes.excepted : undefined}
          >
            {props.showCluster && (
              <TableCell>{f.resource.cluster ?? '—'}</TableCell>
            )}
            <TableCell>{describeResource(f.resource)}</TableCell>
            <TableCell className={classes.mono}>
              {f.resource.container ?? '—'}
            </TableCell>
            <TableCell>
              <Typography variant="body2" className={classes.message}>
                {f.message}
              </Typography>
              {props.remediation !== undefined &&
                f.remediation !== props.remediation && (
                  <Typography variant="caption" color="textSecondary">
                    {f.remediation}
                  </Typography>
                )}
            </TableCell>
            <TableCell>
              {f.excepted ? (
                <div className={classes.exception}>
                  <Chip size="small" variant="outlined" label="Excepted" />
                  <Typography variant="caption">{f.excepted.reason}</Typography>
                  <Typography variant="caption" color="textSecondary">
                    Owner {f.excepted.owner}, until {f.excepted.expires}
                  </Typography>
                </div>
              ) : (
                '—'
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
