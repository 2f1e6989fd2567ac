import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { HealingAttempt } from '@cloud-native-platform/plugin-healing-common';
import { healingApiRef } from '../../api';
import { describeAttempt } from '../../lib/format';
import { AttemptDetails } from '../AttemptDetails';
import { HealingErrorPanel } from '../HealingErrorPanel';

const useStyles = makeStyles(theme => ({
  heading: {
    marginBottom: theme.spacing(2),
  },
}));

/** Props of {@link AttemptView}. */
export interface AttemptViewProps {
  id: string;
  /** Where "back to the history" leads; left out when there is none. */
  backTo?: string;
  /** Called after a decision, so lists around the view can refresh. */
  onDecided?(attempt: HealingAttempt): void;
}

/** One attempt loaded by id, with a heading and its details. */
export function AttemptView(props: AttemptViewProps) {
  const { id, backTo, onDecided } = props;
  const classes = useStyles();
  const api = useApi(healingApiRef);
  const { value, loading, error } = useAsync(
    () => api.getAttempt(id),
    [api, id],
  );
  // A decision replaces the loaded attempt without a reload.
  const [decided, setDecided] = useState<HealingAttempt>();
  useEffect(() => setDecided(undefined), [id]);
  const attempt = decided ?? value;

  return (
    <>
      {(backTo || attempt) && (
        <div className={classes.heading}>
          {backTo && <Link to={backTo}>← Healing history</Link>}
          {attempt && (
            <Typography variant="h5" component="h2">
              {attempt.alert?.name ?? 'Healing'}: {describeAttempt(attempt)}
            </Typography>
          )}
        </div>
      )}
      {loading && <Progress />}
      {error && (
        <HealingErrorPanel error={error} what={`the healing attempt ${id}`} />
      )}
      {attempt && !loading && (
        <AttemptDetails
          attempt={attempt}
          onDecided={updated => {
            setDecided(updated);
            onDecided?.(updated);
          }}
        />
      )}
    </>
  );
}
