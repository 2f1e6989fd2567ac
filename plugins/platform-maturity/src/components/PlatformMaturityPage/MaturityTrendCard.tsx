import useAsync from 'react-use/esm/useAsync';
import { InfoCard, Progress } from '@backstage/core-components';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import { platformMaturityApiRef } from '../../api';
import { MaturityTrendChart } from '../MaturityTrendChart';
import { historyQuery, MaturityScope } from './maturityScope';

/** Props of {@link MaturityTrendCard}. */
export interface MaturityTrendCardProps {
  scope: MaturityScope;
  /** The scope in words: "the fleet", "team trading-team". */
  subject: string;
}

/**
 * The stored scores of the page's scope. It loads on its own, so a failing
 * history leaves the leaderboard around it untouched.
 */
export function MaturityTrendCard(props: MaturityTrendCardProps) {
  const { scope, subject } = props;
  const api = useApi(platformMaturityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getHistory(historyQuery(scope)),
    [api, scope],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <RequestErrorPanel error={error} what="the maturity trend" />;
  } else if (value) {
    content = (
      <MaturityTrendChart
        points={value.points}
        subject={subject}
        days={value.days}
      />
    );
  }
  return (
    <InfoCard title="Trend" subheader={`Score of ${subject} over time`}>
      {content}
    </InfoCard>
  );
}
