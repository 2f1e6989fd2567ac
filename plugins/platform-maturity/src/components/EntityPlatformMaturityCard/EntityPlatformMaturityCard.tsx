import useAsync from 'react-use/esm/useAsync';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import List from '@material-ui/core/List';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { platformMaturityApiRef, EntityMaturityResponse } from '../../api';
import { formulaLine, nextSteps } from './maturityNextSteps';
import { MaturityTrendLine } from './MaturityTrendLine';
import { NextStepItem } from './NextStepItem';

const useStyles = makeStyles(theme => ({
  score: {
    fontWeight: theme.typography.fontWeightBold as number,
  },
  section: {
    marginTop: theme.spacing(2),
  },
  signals: {
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
}));

const percent = (value: number) => `${Math.round(value * 100)}%`;

function MaturityDetails({ value }: { value: EntityMaturityResponse }) {
  const classes = useStyles();
  const steps = nextSteps(value);
  return (
    <>
      <Box display="flex" alignItems="baseline">
        <Typography variant="h3" component="p" className={classes.score}>
          {value.score}
        </Typography>
        <Typography color="textSecondary">&nbsp;/ 100</Typography>
        {!value.deployed && (
          <Typography color="textSecondary">
            &nbsp;· not deployed in any cluster
          </Typography>
        )}
      </Box>
      <MaturityTrendLine entityRef={value.entityRef} />
      <Table size="small" aria-label="Maturity terms">
        <TableHead>
          <TableRow>
            <TableCell>Component</TableCell>
            <TableCell align="right">Integration</TableCell>
            <TableCell>Automation</TableCell>
            <TableCell align="right">Points</TableCell>
            <TableCell>Signals</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.terms.map(t => (
            <TableRow key={t.component}>
              <TableCell>{t.component}</TableCell>
              <TableCell align="right">
                {t.status === 'assessed' ? percent(t.integration) : '–'}
              </TableCell>
              <TableCell>
                {t.automation} (×{t.automationFactor})
              </TableCell>
              <TableCell align="right">
                {t.points}/{t.weight}
              </TableCell>
              <TableCell className={classes.signals}>
                {t.signals.length > 0 ? t.signals.join(', ') : 'none'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {steps.length > 0 && (
        <Box className={classes.section}>
          <Typography variant="subtitle2">What to do next</Typography>
          <List dense aria-label="What to do next">
            {steps.map(f => (
              <NextStepItem
                key={`${f.component}:${f.message}`}
                finding={f}
                deployed={value.deployed}
              />
            ))}
          </List>
        </Box>
      )}
      <Typography
        variant="caption"
        color="textSecondary"
        component="p"
        className={classes.section}
      >
        {formulaLine(value)}
      </Typography>
    </>
  );
}

/** Overview card: the entity's platform maturity score and how to raise it. */
export function EntityPlatformMaturityCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(platformMaturityApiRef);
  const { value, loading, error } = useAsync(
    () => api.getMaturity({ entityRef }),
    [api, entityRef],
  );

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = <RequestErrorPanel error={error} what="the platform maturity" />;
  } else if (value) {
    content = <MaturityDetails value={value} />;
  }
  return <InfoCard title="Platform maturity">{content}</InfoCard>;
}
