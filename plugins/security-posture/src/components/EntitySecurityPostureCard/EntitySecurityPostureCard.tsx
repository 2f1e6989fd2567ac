import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { PostureReport } from '@cloud-native-platform/plugin-security-posture-common';
import { securityPostureApiRef } from '../../api';
import { ClusterErrorsWarning } from '../ClusterErrorsWarning';
import { PostureErrorPanel } from '../PostureErrorPanel';
import { ReportSummary } from '../ReportSummary';

/** How many of the costliest checks the card names. */
const TOP_PENALTIES = 3;

function CostliestChecks(props: { report: PostureReport }) {
  const { report } = props;
  const penalties = report.penalties.slice(0, TOP_PENALTIES);
  if (penalties.length === 0) {
    return null;
  }
  const titleOf = (checkId: string) =>
    report.findings.find(f => f.checkId === checkId)?.title ?? checkId;
  return (
    <>
      <Typography variant="subtitle2">Costliest checks</Typography>
      <List dense disablePadding aria-label="Costliest checks">
        {penalties.map(p => (
          <ListItem key={p.checkId} disableGutters>
            <ListItemText
              primary={titleOf(p.checkId)}
              secondary={`${p.count} ${p.severity} ${
                p.count === 1 ? 'finding' : 'findings'
              }, −${Math.round(p.penalty)} points`}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** Overview card: the entity's score and findings by severity. */
export function EntitySecurityPostureCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(securityPostureApiRef);
  const entityLink = useEntityRefLink();
  const { value, loading, error } = useAsync(
    () => api.getReport({ entityRef }),
    [api, entityRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <PostureErrorPanel error={error} what="the security posture" />;
  } else if (value) {
    content = (
      <>
        <ClusterErrorsWarning clusters={value.clusters} />
        <ReportSummary
          score={value.score}
          counts={value.counts}
          exceptedCount={value.exceptedCount}
          generatedAt={value.generatedAt}
          meshCoverage={value.meshCoverage}
        />
        <br />
        <CostliestChecks report={value} />
      </>
    );
  }

  return (
    <InfoCard
      title="Security posture"
      deepLink={{
        title: 'View findings',
        link: `${entityLink(entity).replace(/\/$/, '')}/security-posture`,
      }}
    >
      {content}
    </InfoCard>
  );
}
