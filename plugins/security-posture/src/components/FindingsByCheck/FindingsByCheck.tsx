import { useState } from 'react';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles, useTheme } from '@material-ui/core/styles';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  standardsOf,
  type CheckDefinition,
} from '@cloud-native-platform/plugin-security-posture-common';
import type { FindingGroup } from '../../lib/findingGroups';
import { severityColor } from '../../lib/postureColors';
import { FindingsTable } from './FindingsTable';

const useStyles = makeStyles(theme => ({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1, 2),
    width: '100%',
  },
  severity: {
    color: theme.palette.common.white,
    fontWeight: theme.typography.fontWeightBold as number,
    textTransform: 'capitalize',
    minWidth: 72,
  },
  title: {
    flexGrow: 1,
    fontWeight: theme.typography.fontWeightMedium as number,
  },
  checkId: {
    fontFamily: 'monospace',
  },
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(1.5),
    overflowX: 'auto',
  },
  remediation: {
    borderLeft: `4px solid ${theme.palette.primary.main}`,
    paddingLeft: theme.spacing(1.5),
  },
}));

/** Props of {@link FindingsByCheck}. */
export interface FindingsByCheckProps {
  groups: FindingGroup[];
  /** The check catalogue, for descriptions and benchmark references. */
  checks?: ReadonlyMap<string, CheckDefinition>;
  /** Whether to show each finding's cluster. */
  showCluster?: boolean;
}

function references(check: CheckDefinition | undefined): string | undefined {
  const labels = standardsOf(check?.references);
  return labels.length > 0 ? labels.join(' · ') : undefined;
}

/**
 * Findings grouped by check, worst first; each group opens on the check's
 * remediation and the resources that fail it.
 */
export function FindingsByCheck(props: FindingsByCheckProps) {
  const classes = useStyles();
  const theme = useTheme();
  // A lone group has nothing to choose between, so it starts open.
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(props.groups.length === 1 ? [props.groups[0].checkId] : []),
  );

  if (props.groups.length === 0) {
    return (
      <Typography color="textSecondary">
        No findings match the filters.
      </Typography>
    );
  }

  const toggle = (checkId: string) =>
    setExpanded(previous => {
      const next = new Set(previous);
      if (!next.delete(checkId)) {
        next.add(checkId);
      }
      return next;
    });

  return (
    <section aria-label="Findings by check">
      {props.groups.map(group => {
        const check = props.checks?.get(group.checkId);
        const refs = references(check);
        const open = expanded.has(group.checkId);
        const summaryId = `posture-check-${group.checkId}`;
        return (
          <Accordion
            key={group.checkId}
            expanded={open}
            onChange={() => toggle(group.checkId)}
            TransitionProps={{ unmountOnExit: true }}
          >
            <AccordionSummary
              id={summaryId}
              aria-controls={`${summaryId}-details`}
              expandIcon={<ExpandMoreIcon />}
            >
              <div className={classes.summary}>
                <Chip
                  size="small"
                  label={group.severity}
                  className={classes.severity}
                  style={{
                    backgroundColor: severityColor(theme, group.severity),
                  }}
                />
                <Typography className={classes.title}>{group.title}</Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  className={classes.checkId}
                >
                  {group.checkId}
                </Typography>
                <Typography variant="body2">
                  {group.findings.length}{' '}
                  {group.findings.length === 1 ? 'finding' : 'findings'}
                  {group.exceptedCount > 0 &&
                    `, ${group.exceptedCount} excepted`}
                </Typography>
              </div>
            </AccordionSummary>
            <AccordionDetails
              id={`${summaryId}-details`}
              className={classes.details}
            >
              {check?.description && (
                <Typography variant="body2">{check.description}</Typography>
              )}
              <Typography variant="body2" className={classes.remediation}>
                <strong>How to fix:</strong> {group.remediation}
              </Typography>
              {refs && (
                <Typography variant="caption" color="textSecondary">
                  {refs}
                </Typography>
              )}
              <FindingsTable
                title={group.title}
                findings={group.findings}
                remediation={group.remediation}
                showCluster={props.showCluster ?? true}
              />
            </AccordionDetails>
          </Accordion>
        );
      })}
    </section>
  );
}
