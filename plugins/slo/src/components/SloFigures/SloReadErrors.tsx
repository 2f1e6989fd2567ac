import { WarningPanel } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { SloObjectivesResponse } from '@cloud-native-platform/plugin-slo-common';

type SloReadError = NonNullable<SloObjectivesResponse['errors']>[number];

/** `cluster prod-east-b`, `definition prod-east-a/trading/…`, or nothing. */
function origin(error: SloReadError): string | undefined {
  if (error.cluster && error.definedIn) {
    return `cluster ${error.cluster}, definition ${error.definedIn}`;
  }
  if (error.cluster) return `cluster ${error.cluster}`;
  if (error.definedIn) return `definition ${error.definedIn}`;
  return undefined;
}

/**
 * The clusters and definitions the backend could not read, above the SLOs
 * it could; nothing when every one was read.
 */
export function SloReadErrors(props: {
  errors: SloObjectivesResponse['errors'];
}) {
  const errors = props.errors ?? [];
  if (errors.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`Some SLO data could not be read (${errors.length})`}
      message="The SLOs below are computed from the clusters and definitions that answered."
      defaultExpanded
    >
      <List dense aria-label="SLO read errors">
        {errors.map((e, i) => (
          <ListItem key={`${origin(e) ?? ''}:${i}`} disableGutters>
            <ListItemText primary={e.message} secondary={origin(e)} />
          </ListItem>
        ))}
      </List>
    </WarningPanel>
  );
}
