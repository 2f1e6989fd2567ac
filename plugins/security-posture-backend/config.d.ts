import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the security posture backend. */
  securityPosture?: {
    /**
     * Accepted risks: findings of `check` on the resources the optional
     * cluster, namespace, kind and name match cost nothing until `expires`.
     * Catalog entities and workloads add their own through the
     * `cloud-native-platform.io/posture-exceptions` annotation.
     */
    exceptions?: Array<{
      /**
       * Id of the check, as listed by GET /api/security-posture/checks.
       * @visibility backend
       */
      check: string;
      /**
       * Why the risk is accepted.
       * @visibility backend
       */
      reason: string;
      /**
       * Entity reference of who accepted it, e.g. group:default/platform-team.
       * @visibility backend
       */
      owner: string;
      /**
       * ISO date (2027-03-31) or date-time after which the findings count again.
       * @visibility backend
       */
      expires: string;
      /**
       * Only in this cluster.
       * @visibility backend
       */
      cluster?: string;
      /**
       * Only in this namespace.
       * @visibility backend
       */
      namespace?: string;
      /**
       * Only on resources of this kind, e.g. Deployment.
       * @visibility backend
       */
      kind?: string;
      /**
       * Only on resources of this name.
       * @visibility backend
       */
      name?: string;
    }>;
    /** Score snapshots behind the trends. */
    history?: {
      /**
       * How often the fleet, clusters, namespaces, entities and teams are
       * scored and stored: a duration object ({ hours: 1 }), an ISO 8601
       * duration (PT1H) or a short form (1h). Default 1 hour.
       * @visibility backend
       */
      frequency?: HumanDuration | string;
      /**
       * Days snapshots are kept. Default 90.
       * @visibility backend
       */
      retentionDays?: number;
    };
    /** Falco alerts received on POST /api/security-posture/falco. */
    falco?: {
      /**
       * Days alerts are kept and count as runtime findings. Default 14.
       * @visibility backend
       */
      retentionDays?: number;
      /**
       * The services that may post Falco events, each by the subject of its
       * static token in backend.auth.externalAccess, with the clusters its
       * events may name. A service not listed here may post nothing; an
       * event of a sender with one cluster that names no cluster is taken
       * to be from that cluster.
       * @visibility backend
       */
      senders?: Array<{
        /** The token's subject, such as falcosidekick-prod-east-a. */
        subject: string;
        /** Names of the clusters, as in cloudNativePlatform.clusters. */
        clusters: string[];
      }>;
    };
  };
}
