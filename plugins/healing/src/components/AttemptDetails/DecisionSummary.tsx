import Typography from '@material-ui/core/Typography';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import { formatConfidence } from '../../lib/format';
import { decisionOf } from '../../lib/stepData';
import { KeyValueList } from '../KeyValueList';

/**
 * The policy that decided, its mode, and the confidence against the
 * policy's threshold; and the safety rail that refused, when one did.
 */
export function DecisionSummary(props: { attempt: HealingAttempt }) {
  const { attempt } = props;
  const decision = decisionOf(attempt);
  let comparison: string | undefined;
  if (decision.confidence !== undefined && decision.threshold !== undefined) {
    const passes = decision.confidence >= decision.threshold;
    comparison = `${formatConfidence(decision.confidence)} ${
      passes ? '≥' : '<'
    } ${formatConfidence(decision.threshold)}: ${
      passes ? 'above the threshold' : 'below the threshold, no action'
    }`;
  }
  const refused = attempt.status === 'refused';
  if (!decision.policy && attempt.status === 'unmatched') {
    return (
      <Typography variant="body2" color="textSecondary">
        No policy matched: {attempt.reason ?? 'the alert was only recorded'}.
      </Typography>
    );
  }
  return (
    <KeyValueList
      label="Decision"
      items={[
        ['Policy', decision.policy ?? '—'],
        ['Mode', decision.mode],
        ['Confidence', formatConfidence(decision.confidence)],
        ['Threshold', comparison ?? formatConfidence(decision.threshold)],
        ['Safety rail', refused ? decision.rail ?? 'refused' : undefined],
        [refused ? 'Refused because' : 'Reason', attempt.reason],
      ]}
    />
  );
}
