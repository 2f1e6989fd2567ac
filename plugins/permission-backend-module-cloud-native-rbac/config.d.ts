export interface Config {
  permission?: {
    /**
     * The role-based policy of @cloud-native-platform/plugin-permission-backend-module-rbac,
     * read with the keys and file shapes of the community RBAC backend.
     */
    rbac?: {
      /**
       * The CSV policy file: `p, role, permission or resource type, action,
       * allow|deny` and `g, user or group, role` lines. Relative paths are
       * resolved against the backend's working directory.
       * @visibility backend
       */
      'policies-csv-file'?: string;
      /**
       * More CSV files of the same shape, read after it: for example the
       * demo's role members, kept apart from the roles production shares.
       * @visibility backend
       */
      additionalPolicyFiles?: string[];
      /**
       * The YAML file of conditional policies (documents with result
       * CONDITIONAL, roleEntityRef, pluginId, resourceType,
       * permissionMapping and conditions).
       * @visibility backend
       */
      conditionalPoliciesFile?: string;
      /** The role every signed-in user holds. */
      defaultPermissions?: {
        /**
         * Such as role:default/viewer; its permissions come from the policy
         * file.
         * @visibility backend
         */
        defaultRole: string;
      };
    };
  };
}
