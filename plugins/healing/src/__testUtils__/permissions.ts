import { mockApis } from '@backstage/frontend-test-utils';

type Decision = Exclude<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize'],
  Function | undefined
>;

// AuthorizeResult lives in @backstage/plugin-permission-common, which this
// package reaches only through its dependencies; its members are these
// strings.
const DENY = 'DENY' as Decision;

/** A permission API that grants every permission. */
export const allowAll = () => mockApis.permission();

/** A permission API that denies every permission. */
export const denyAll = () => mockApis.permission({ authorize: DENY });
