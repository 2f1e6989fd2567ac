import type { KubeObject } from '@cloud-native-platform/plugin-cloud-native-common';

/**
 * The objects the maturity signals read, with `spec` and `status` left
 * untyped until the signals narrow by kind like the rest of the suite.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- maturity signals still read spec and status untyped
export type MaturityObject = KubeObject & { spec?: any; status?: any };
