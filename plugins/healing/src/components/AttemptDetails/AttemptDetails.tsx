import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import {
  describeTarget,
  formatConfidence,
  formatDateTime,
  formatDuration,
} from '../../lib/format';
import { ActionChoice } from '../ActionChoice';
import { ApprovalButtons } from '../ApprovalButtons';
import { ChangeDiff } from '../ChangeDiff';
import { StatusChip } from '../StatusChip';
import { AlertLogs, hasAlertLogs } from './AlertLogs';
import { AlertSummary } from './AlertSummary';
import { DecisionSummary } from './DecisionSummary';
import { KeyValueList } from '../KeyValueList';
import { PipelineSteps } from './PipelineSteps';
import { RootCauseRanking } from './RootCauseRanking';

/** Props of {@link AttemptDetails}. */
export interface AttemptDetailsProps {
  attempt: HealingAttempt;
  /** Called with the attempt as the backend updated it after a decision. */
  onDecided(attempt: HealingAttempt): void;
}

// Statuses after which the change has been made to the cluster.
const APPLIED = new Set(['applied', 'succeeded', 'failed', 'inconclusive']);

/**
 * Everything recorded about one attempt: what was seen, how it was decided,
 * what it changed or would change, and how it ended.
 */
export function AttemptDetails(props: AttemptDetailsProps) {
  const { attempt, onDecided } = props;
  const remediation = attempt.kind === 'remediation';
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <InfoCard title="Outcome">
          <KeyValueList
            label="Outcome"
            items={[
              ['Status', <StatusChip status={attempt.status} />],
              ['Target', describeTarget(attempt.target)],
              ['Cluster', attempt.cluster],
              [
                'Entity',
                attempt.target.entityRef ? (
                  <EntityRefLink entityRef={attempt.target.entityRef} />
                ) : undefined,
              ],
              [
                'Kind',
                remediation ? 'remediation by the engine' : 'platform healing',
              ],
              ['Action', attempt.action ?? '—'],
              ['Mode', remediation ? attempt.mode : undefined],
              ['Confidence', formatConfidence(attempt.confidence)],
              ['Reason', remediation ? undefined : attempt.reason],
              ['Started', formatDateTime(attempt.createdAt)],
              [
                'Resolved',
                attempt.resolvedAt
                  ? formatDateTime(attempt.resolvedAt)
                  : undefined,
              ],
              ['MTTR', formatDuration(attempt.mttrSeconds)],
              ['Decided by', attempt.decidedBy],
            ]}
          />
          <br />
          <ApprovalButtons attempt={attempt} onDecided={onDecided} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <InfoCard title="Alert">
          {attempt.alert ? (
            <AlertSummary alert={attempt.alert} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              {remediation
                ? 'The alert was not recorded.'
                : 'Read from the cluster’s state and events; no alert was involved.'}
            </Typography>
          )}
        </InfoCard>
      </Grid>
      {remediation && (
        <Grid item xs={12} md={6}>
          <InfoCard title="Decision">
            <DecisionSummary attempt={attempt} />
          </InfoCard>
        </Grid>
      )}
      {attempt.actionChoice && (
        <Grid item xs={12} md={6}>
          <InfoCard title="Action choice">
            <ActionChoice choice={attempt.actionChoice} />
          </InfoCard>
        </Grid>
      )}
      {attempt.rootCause && (
        <Grid item xs={12} md={6}>
          <InfoCard title="Root cause">
            <RootCauseRanking ranking={attempt.rootCause} />
          </InfoCard>
        </Grid>
      )}
      {attempt.change && (
        <Grid item xs={12}>
          <InfoCard title="Change">
            <ChangeDiff
              change={attempt.change}
              applied={APPLIED.has(attempt.status)}
            />
          </InfoCard>
        </Grid>
      )}
      {hasAlertLogs(attempt) && (
        <Grid item xs={12}>
          <InfoCard title="Logs around the alert">
            <AlertLogs attempt={attempt} />
          </InfoCard>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title="Pipeline">
          <PipelineSteps attempt={attempt} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
