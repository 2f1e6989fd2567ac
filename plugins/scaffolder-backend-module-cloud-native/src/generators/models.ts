import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { Namespace } from 'kubernetes-models/v1/Namespace';
import type { Service } from 'kubernetes-models/v1/Service';
import type { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { DestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import type { VirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import type { AuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { PeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import type { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { PodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import type { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';

/**
 * A typed Kubernetes object: a kubernetes-models instance, which checks
 * itself against its OpenAPI schema.
 */
export interface KubeManifest {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string };
  /** Throws when the object does not match its schema. */
  validate(): void;
  toJSON(): unknown;
}

/** The model classes the generators build objects with. */
export interface ModelClasses {
  ConfigMap: typeof ConfigMap;
  Deployment: typeof Deployment;
  DestinationRule: typeof DestinationRule;
  AuthorizationPolicy: typeof AuthorizationPolicy;
  HorizontalPodAutoscaler: typeof HorizontalPodAutoscaler;
  Namespace: typeof Namespace;
  NetworkPolicy: typeof NetworkPolicy;
  PeerAuthentication: typeof PeerAuthentication;
  PodDisruptionBudget: typeof PodDisruptionBudget;
  PodMonitor: typeof PodMonitor;
  PrometheusRule: typeof PrometheusRule;
  ScaledObject: typeof ScaledObject;
  Service: typeof Service;
  ServiceAccount: typeof ServiceAccount;
  ServiceMonitor: typeof ServiceMonitor;
  VirtualService: typeof VirtualService;
}

// Where each class lives: package, file inside it.
const LOCATIONS: Record<keyof ModelClasses, [string, string]> = {
  ConfigMap: ['kubernetes-models', 'v1/ConfigMap.js'],
  Deployment: ['kubernetes-models', 'apps/v1/Deployment.js'],
  HorizontalPodAutoscaler: [
    'kubernetes-models',
    'autoscaling/v2/HorizontalPodAutoscaler.js',
  ],
  Namespace: ['kubernetes-models', 'v1/Namespace.js'],
  NetworkPolicy: ['kubernetes-models', 'networking.k8s.io/v1/NetworkPolicy.js'],
  PodDisruptionBudget: [
    'kubernetes-models',
    'policy/v1/PodDisruptionBudget.js',
  ],
  Service: ['kubernetes-models', 'v1/Service.js'],
  ServiceAccount: ['kubernetes-models', 'v1/ServiceAccount.js'],
  DestinationRule: [
    '@kubernetes-models/istio',
    'networking.istio.io/v1/DestinationRule.js',
  ],
  VirtualService: [
    '@kubernetes-models/istio',
    'networking.istio.io/v1/VirtualService.js',
  ],
  AuthorizationPolicy: [
    '@kubernetes-models/istio',
    'security.istio.io/v1/AuthorizationPolicy.js',
  ],
  PeerAuthentication: [
    '@kubernetes-models/istio',
    'security.istio.io/v1/PeerAuthentication.js',
  ],
  ScaledObject: ['@kubernetes-models/keda', 'keda.sh/v1alpha1/ScaledObject.js'],
  PodMonitor: [
    '@kubernetes-models/prometheus-operator',
    'monitoring.coreos.com/v1/PodMonitor.js',
  ],
  PrometheusRule: [
    '@kubernetes-models/prometheus-operator',
    'monitoring.coreos.com/v1/PrometheusRule.js',
  ],
  ServiceMonitor: [
    '@kubernetes-models/prometheus-operator',
    'monitoring.coreos.com/v1/ServiceMonitor.js',
  ],
};

const localRequire = createRequire(__filename);
const packageDirs = new Map<string, string>();

function packageDir(name: string): string {
  let dir = packageDirs.get(name);
  if (dir === undefined) {
    dir = (localRequire.resolve.paths(name) ?? [])
      .map(base => path.join(base, name))
      .find(candidate => fs.existsSync(path.join(candidate, 'package.json')));
    if (dir === undefined) {
      throw new Error(`The package ${name} is not installed`);
    }
    packageDirs.set(name, dir);
  }
  return dir;
}

let classes: ModelClasses | undefined;

/**
 * The model classes, loaded on first use.
 *
 * The kubernetes-models packages are ES modules that export their files under
 * the "import" condition only, which `require` (what this CommonJS package
 * compiles to) does not match. Requiring the files by path sidesteps the
 * exports map; Node.js 22 loads an ES module through `require`.
 */
export function modelClasses(): ModelClasses {
  if (!classes) {
    const loaded: Partial<Record<keyof ModelClasses, unknown>> = {};
    for (const [name, [pkg, file]] of Object.entries(LOCATIONS)) {
      const exports = localRequire(path.join(packageDir(pkg), file));
      loaded[name as keyof ModelClasses] = exports[name];
    }
    classes = loaded as ModelClasses;
  }
  return classes;
}

/** The packages whose models {@link modelClassFor} looks an object up in. */
export const MODEL_PACKAGES = [
  'kubernetes-models',
  '@kubernetes-models/istio',
  '@kubernetes-models/prometheus-operator',
  '@kubernetes-models/keda',
] as const;

const API_VERSION =
  /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?v[0-9]+([a-z]+[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The model class of any object of the model packages, by apiVersion and
 * kind (each package lays its models out as `<apiVersion>/<kind>.js`), or
 * undefined when none has a schema for it. For checking objects the
 * generators did not build themselves, such as a kustomize build's output.
 */
export function modelClassFor(
  apiVersion: string,
  kind: string,
): (new (data: object) => KubeManifest) | undefined {
  if (!API_VERSION.test(apiVersion) || !KIND.test(kind)) {
    return undefined;
  }
  for (const pkg of MODEL_PACKAGES) {
    const file = path.join(packageDir(pkg), apiVersion, `${kind}.js`);
    if (fs.existsSync(file)) {
      return localRequire(file)[kind];
    }
  }
  return undefined;
}
