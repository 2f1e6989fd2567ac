export interface Config {
  /** Configuration of the cloud-native platform plugins. */
  cloudNativePlatform?: {
    /**
     * The clusters the suite reads. Each has exactly one source: a directory
     * of manifests or a live Kubernetes API server. Clusters declared in
     * `kubernetes.clusterLocatorMethods` (type `config`) are added as live
     * clusters, so a cluster is configured once.
     */
    clusters?: Array<{
      /**
       * Unique name of the cluster, lowercase letters, digits and '-'.
       * @visibility frontend
       */
      name: string;
      /**
       * The part the cluster plays in the fleet.
       * @visibility frontend
       */
      role:
        | 'production'
        | 'disaster-recovery'
        | 'staging'
        | 'test'
        | 'development';
      /**
       * Region or data centre of the cluster, for example cn-east-1.
       * @visibility frontend
       */
      region?: string;
      /**
       * Free-form labels, shown as filters on the topology page.
       * @visibility frontend
       */
      labels?: { [key: string]: string };
      /**
       * Description of the cluster's catalog entity (a Resource of type kubernetes-cluster).
       * @visibility frontend
       */
      description?: string;
      /**
       * Owner of the cluster's catalog entity, e.g. group:default/platform-team.
       * @visibility frontend
       */
      owner?: string;
      /**
       * System the cluster's catalog entity is part of.
       * @visibility frontend
       */
      system?: string;
      /** A directory of Kubernetes manifests (YAML, read recursively). */
      manifests?: {
        /** Directory path, relative to the repository root or absolute. */
        path: string;
      };
      /** A live Kubernetes API server. */
      kubernetes?: {
        /** URL of the API server, for example https://10.0.0.1:6443. */
        url: string;
        /** How the backend authenticates; only serviceAccount is supported. */
        authProvider?: 'serviceAccount';
        /**
         * Bearer token of the service account the backend uses.
         * @visibility secret
         */
        serviceAccountToken?: string;
        /**
         * Base64-encoded PEM bundle of the API server's certificate authority.
         * @visibility secret
         */
        caData?: string;
        /** Path of a PEM file holding the API server's certificate authority. */
        caFile?: string;
        /** Skips TLS verification of the API server; for test clusters only. */
        skipTLSVerify?: boolean;
      };
      /** Prometheus that scrapes this cluster's mesh and workloads. */
      prometheus?: {
        /** Base URL of the Prometheus HTTP API. */
        url: string;
      };
      /** Loki that stores this cluster's pod logs, labelled namespace, pod and container. */
      loki?: {
        /** Base URL of the Loki HTTP API, for example http://loki:3100. */
        url: string;
      };
    }>;
    /** Bounds of the pod logs the topology backend serves (GET /logs). */
    logs?: {
      /**
       * Largest plain answer in bytes; longer logs are cut at a line and
       * marked with X-Log-Truncated. 2 MiB unless given.
       * @visibility backend
       */
      maxBytes?: number;
      /** Bounds of one followed (streamed) log. */
      follow?: {
        /**
         * Seconds a stream stays open before it ends; 300 unless given.
         * @visibility backend
         */
        maxSeconds?: number;
        /**
         * Bytes a stream sends before it ends; 5 MiB unless given.
         * @visibility backend
         */
        maxBytes?: number;
      };
    };
    /**
     * Per-caller limits on the expensive routes of the suite's backends,
     * counted per user entity ref or service subject (never per IP), per
     * plugin and per backend instance. Backend plugins of the portal, and
     * plugins calling on behalf of a user, are not counted.
     */
    rateLimits?: {
      /**
       * false turns every limit off; on unless given.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * The expensive reads: topology graph, object and logs, maturity and its
       * leaderboard, posture report and overview, healing attempts. One
       * counter per caller and plugin.
       */
      reads?: {
        /**
         * Requests a caller may make per window; 120 unless given.
         * @visibility backend
         */
        limit?: number;
        /**
         * Length of the window in seconds; 60 unless given.
         * @visibility backend
         */
        windowSeconds?: number;
      };
      /** POST /api/security-posture/audit. */
      audit?: {
        /**
         * Audits a caller may post per window; 10 unless given.
         * @visibility backend
         */
        limit?: number;
        /**
         * Length of the window in seconds; 60 unless given.
         * @visibility backend
         */
        windowSeconds?: number;
      };
    };
  };
}
