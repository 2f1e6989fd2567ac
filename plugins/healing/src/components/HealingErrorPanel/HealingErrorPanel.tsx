import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';

export {
  reasonOf,
  statusOf,
} from '@cloud-native-platform/plugin-cloud-native-react';

/** Props of {@link HealingErrorPanel}. */
export interface HealingErrorPanelProps {
  error: Error;
  /** What could not be loaded, e.g. `the healing history`. */
  what: string;
}

/** A failed request of the healing plugin as a readable panel. */
export function HealingErrorPanel(props: HealingErrorPanelProps) {
  return (
    <RequestErrorPanel
      {...props}
      forbiddenHint="Ask the platform team for access to the healing history."
    />
  );
}
