import { RequestErrorPanel } from '@cloud-native-platform/plugin-cloud-native-react';

/** Props of {@link PostureErrorPanel}. */
export interface PostureErrorPanelProps {
  error: Error;
  /** What could not be loaded, e.g. `the security posture report`. */
  what: string;
}

/** A failed request of the security posture plugin as a readable panel. */
export function PostureErrorPanel(props: PostureErrorPanelProps) {
  return (
    <RequestErrorPanel
      {...props}
      forbiddenHint="Ask the platform team for the security-posture.report.read permission."
    />
  );
}
