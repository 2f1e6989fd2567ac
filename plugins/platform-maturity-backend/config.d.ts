import { HumanDuration } from '@backstage/types';

export interface Config {
  cloudNativePlatform?: {
    /** The platform maturity score served by the platform-maturity backend. */
    maturity?: {
      /** Snapshots of the scores, for the trend on the maturity page. */
      history?: {
        /**
         * How often every score is stored; one hour unless given.
         * @visibility backend
         */
        frequency?: HumanDuration | string;
        /**
         * Days snapshots are kept; 90 unless given.
         * @visibility backend
         */
        retentionDays?: number;
      };
    };
  };
}
