import { Config } from '@backstage/config';
import {
  isClusterRole,
  CLUSTER_ROLES,
} from '@cloud-native-platform/plugin-cloud-native-common';
import fs from 'node:fs';
import path from 'node:path';
import { ClusterDefinition, ClusterSourceConfig } from './ClusterDefinition';

/**
 * Thrown when cluster configuration is wrong; the message names the config
 * file and key so start-up fails with one clear line.
 *
 * @public
 */
export class ClusterConfigError extends Error {
  name = 'ClusterConfigError';
}

/**
 * Options of {@link readClusterDefinitions}.
 *
 * @public
 */
export interface ReadClusterDefinitionsOptions {
  /** Relative manifests paths are resolved against this directory (the repository root). */
  rootDir: string;
}

// Other plugins of the suite read their own keys beside the clusters.
const TOP_KEYS = ['clusters', 'maturity', 'rateLimits', 'logs'];
const CLUSTER_KEYS = [
  'name',
  'role',
  'region',
  'labels',
  'description',
  'owner',
  'system',
  'manifests',
  'kubernetes',
  'prometheus',
  'loki',
];
const MANIFESTS_KEYS = ['path'];
const KUBERNETES_KEYS = [
  'url',
  'authProvider',
  'serviceAccountToken',
  'caData',
  'caFile',
  'skipTLSVerify',
];
const URL_KEYS = ['url'];
const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The config file a reader came from. ConfigReader keeps it for its own
 * messages without exposing it in the Config interface.
 */
function originOf(config: Config): string {
  const context = (config as { context?: unknown }).context;
  return typeof context === 'string' ? context : 'configuration';
}

function fail(config: Config, key: string, message: string): never {
  throw new ClusterConfigError(
    `Invalid cluster configuration at '${key}' in ${originOf(
      config,
    )}: ${message}`,
  );
}

function checkKeys(config: Config, key: string, allowed: string[]) {
  const value = config.get();
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(config, key, 'expected an object');
  }
  const unknown = Object.keys(value).filter(k => !allowed.includes(k));
  if (unknown.length > 0) {
    fail(
      config,
      `${key}.${unknown[0]}`,
      `unknown key '${unknown[0]}'; known keys are ${allowed.join(', ')}`,
    );
  }
}

function readUrl(config: Config, prefix: string, key: string): string {
  let value: string;
  try {
    value = config.getString(key);
  } catch (e) {
    return fail(config, `${prefix}.${key}`, 'expected a URL string');
  }
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error();
    }
  } catch {
    fail(config, `${prefix}.${key}`, `'${value}' is not an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

function readString(
  config: Config,
  prefix: string,
  key: string,
): string | undefined {
  try {
    return config.getOptionalString(key);
  } catch {
    return fail(config, `${prefix}.${key}`, 'expected a string');
  }
}

function readKubernetesSource(
  config: Config,
  prefix: string,
  rootDir: string,
): ClusterSourceConfig {
  const authProvider =
    readString(config, prefix, 'authProvider') ?? 'serviceAccount';
  if (authProvider !== 'serviceAccount') {
    fail(
      config,
      `${prefix}.authProvider`,
      `'${authProvider}' is not supported; use serviceAccount`,
    );
  }
  const caFile = readString(config, prefix, 'caFile');
  if (caFile !== undefined && !fs.existsSync(path.resolve(rootDir, caFile))) {
    fail(config, `${prefix}.caFile`, `file ${caFile} does not exist`);
  }
  let skipTLSVerify = false;
  try {
    skipTLSVerify = config.getOptionalBoolean('skipTLSVerify') ?? false;
  } catch {
    fail(config, `${prefix}.skipTLSVerify`, 'expected true or false');
  }
  return {
    type: 'kubernetes',
    url: readUrl(config, prefix, 'url'),
    authProvider: 'serviceAccount',
    serviceAccountToken: readString(config, prefix, 'serviceAccountToken'),
    caData: readString(config, prefix, 'caData'),
    caFile: caFile === undefined ? undefined : path.resolve(rootDir, caFile),
    skipTLSVerify,
  };
}

/** An optional `{ url }` block such as `prometheus` or `loki`. */
function readEndpoint(
  cluster: Config,
  key: string,
  name: string,
): { url: string } | undefined {
  const endpoint = cluster.getOptionalConfig(name);
  if (!endpoint) return undefined;
  checkKeys(endpoint, `${key}.${name}`, URL_KEYS);
  return { url: readUrl(endpoint, `${key}.${name}`, 'url') };
}

function readCluster(
  cluster: Config,
  key: string,
  rootDir: string,
): ClusterDefinition {
  checkKeys(cluster, key, CLUSTER_KEYS);
  const name = readString(cluster, key, 'name');
  if (name === undefined || !NAME.test(name) || name.length > 63) {
    fail(
      cluster,
      `${key}.name`,
      name === undefined
        ? 'every cluster needs a name'
        : `'${name}' is not a valid cluster name (lowercase letters, digits and '-')`,
    );
  }
  const role = readString(cluster, key, 'role');
  if (!isClusterRole(role)) {
    fail(
      cluster,
      `${key}.role`,
      `${
        role === undefined ? 'missing' : `'${role}' is not a role`
      }; use one of ${CLUSTER_ROLES.join(', ')}`,
    );
  }
  const labels: Record<string, string> = {};
  const labelConfig = cluster.getOptionalConfig('labels');
  if (labelConfig) {
    for (const labelKey of labelConfig.keys()) {
      labels[labelKey] =
        readString(labelConfig, `${key}.labels`, labelKey) ?? '';
    }
  }

  const manifests = cluster.getOptionalConfig('manifests');
  const kubernetes = cluster.getOptionalConfig('kubernetes');
  if (!!manifests === !!kubernetes) {
    fail(
      cluster,
      key,
      `cluster '${name}' needs exactly one source: manifests: { path } or kubernetes: { url, … }`,
    );
  }
  let source: ClusterSourceConfig;
  if (manifests) {
    checkKeys(manifests, `${key}.manifests`, MANIFESTS_KEYS);
    const dir = readString(manifests, `${key}.manifests`, 'path');
    if (!dir) {
      fail(manifests, `${key}.manifests.path`, 'a directory path is required');
    }
    const resolved = path.resolve(rootDir, dir);
    if (!fs.existsSync(resolved) || !fs.statSync(resolved).isDirectory()) {
      fail(
        manifests,
        `${key}.manifests.path`,
        `directory ${dir} does not exist (resolved to ${resolved})`,
      );
    }
    source = { type: 'manifests', path: resolved };
  } else {
    checkKeys(kubernetes!, `${key}.kubernetes`, KUBERNETES_KEYS);
    source = readKubernetesSource(kubernetes!, `${key}.kubernetes`, rootDir);
  }

  const prometheus = readEndpoint(cluster, key, 'prometheus');
  const loki = readEndpoint(cluster, key, 'loki');

  return {
    name: name!,
    role,
    region: readString(cluster, key, 'region'),
    description: readString(cluster, key, 'description'),
    owner: readString(cluster, key, 'owner'),
    system: readString(cluster, key, 'system'),
    labels,
    source,
    prometheus,
    loki,
    origin: originOf(cluster),
  };
}

/** Live clusters declared for the upstream Kubernetes plugin, so they are configured once. */
function readUpstreamClusters(
  config: Config,
  rootDir: string,
): ClusterDefinition[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const out: ClusterDefinition[] = [];
  methods.forEach((method, m) => {
    if (method.getOptionalString('type') !== 'config') return;
    (method.getOptionalConfigArray('clusters') ?? []).forEach((cluster, c) => {
      const key = `kubernetes.clusterLocatorMethods[${m}].clusters[${c}]`;
      const name = readString(cluster, key, 'name');
      if (!name) fail(cluster, `${key}.name`, 'every cluster needs a name');
      out.push({
        name: name!,
        role: 'production',
        labels: {},
        source: readKubernetesSource(cluster, key, rootDir),
        origin: originOf(cluster),
      });
    });
  });
  return out;
}

/**
 * Reads `cloudNativePlatform.clusters` and the upstream Kubernetes plugin's
 * config-located clusters, strictly: unknown keys, bad values, duplicate
 * names and missing manifest directories throw a {@link ClusterConfigError}.
 *
 * @public
 */
export function readClusterDefinitions(
  config: Config,
  options: ReadClusterDefinitionsOptions,
): ClusterDefinition[] {
  const clusters: ClusterDefinition[] = [];
  const platform = config.getOptionalConfig('cloudNativePlatform');
  if (platform) {
    checkKeys(platform, 'cloudNativePlatform', TOP_KEYS);
    let items: Config[] = [];
    try {
      items = platform.getOptionalConfigArray('clusters') ?? [];
    } catch {
      fail(
        platform,
        'cloudNativePlatform.clusters',
        'expected a list of clusters',
      );
    }
    items.forEach((item, i) => {
      const cluster = readCluster(
        item,
        `cloudNativePlatform.clusters[${i}]`,
        options.rootDir,
      );
      const previous = clusters.find(c => c.name === cluster.name);
      if (previous) {
        fail(
          item,
          `cloudNativePlatform.clusters[${i}].name`,
          `cluster name '${cluster.name}' is declared twice`,
        );
      }
      clusters.push(cluster);
    });
  }
  for (const upstream of readUpstreamClusters(config, options.rootDir)) {
    // A cluster declared in both places is ours: it carries role and region.
    if (!clusters.some(c => c.name === upstream.name)) {
      clusters.push(upstream);
    }
  }
  return clusters;
}
