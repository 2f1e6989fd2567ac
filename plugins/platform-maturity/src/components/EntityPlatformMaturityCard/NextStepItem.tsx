import { Link } from '@backstage/core-components';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import type { MaturityFinding } from '../../api';
import { templateLink } from './maturityNextSteps';

/** Props of {@link NextStepItem}. */
export interface NextStepItemProps {
  finding: MaturityFinding;
  /** Whether the entity runs anywhere: the template link differs. */
  deployed: boolean;
  /** Appended to the finding's message, e.g. "(and 2 more like it)". */
  note?: string;
}

/**
 * One thing to do next: the advice, what is missing, and the scaffolder
 * template that adds it.
 */
export function NextStepItem(props: NextStepItemProps) {
  const { finding, deployed, note } = props;
  const link = templateLink(finding, deployed);
  return (
    <ListItem disableGutters>
      <ListItemText
        // The theme keeps list text on one line; advice wraps.
        style={{ whiteSpace: 'normal' }}
        primary={`${finding.component}: ${finding.next}`}
        secondary={
          <>
            {finding.message}
            {note && ` ${note}`}
            {link && (
              <>
                {' '}
                <Link to={link}>
                  {deployed
                    ? 'Wire the missing piece'
                    : 'Create a cloud-native service'}
                </Link>
              </>
            )}
          </>
        }
      />
    </ListItem>
  );
}
