import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IEndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IClusterRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole';
import type { IClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IPodCondition } from 'kubernetes-models/v1/PodCondition';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IReplicationController } from 'kubernetes-models/v1/ReplicationController';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import type { IPolicyRule } from 'kubernetes-models/rbac.authorization.k8s.io/v1/PolicyRule';
import type { ISubject } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Subject';
import type { IDestinationRule } from '@kubernetes-models/istio/networking.istio.io/v1/DestinationRule';
import type { IGateway } from '@kubernetes-models/istio/networking.istio.io/v1/Gateway';
import type { IServiceEntry } from '@kubernetes-models/istio/networking.istio.io/v1/ServiceEntry';
import type { ISidecar } from '@kubernetes-models/istio/networking.istio.io/v1/Sidecar';
import type { IVirtualService } from '@kubernetes-models/istio/networking.istio.io/v1/VirtualService';
import type { IAuthorizationPolicy } from '@kubernetes-models/istio/security.istio.io/v1/AuthorizationPolicy';
import type { IPeerAuthentication } from '@kubernetes-models/istio/security.istio.io/v1/PeerAuthentication';
import type { IPodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import type { KubeObject, Stored } from './KubeObject';
import type {
  ArgoCdApplication,
  CephBlockPool,
  CephCluster,
  ClusterConfigAuditReport,
  ClusterPolicyReport,
  ConfigAuditReport,
  PipelineRun,
  PolicyReport,
  PyrraServiceLevelObjective,
  Rollout,
  SlothPrometheusServiceLevel,
  TaskRun,
  VirtualMachine,
  VulnerabilityReport,
} from './customResources';

/** @public */
export type PodSpec = IPodSpec;
/** @public */
export type PodTemplateSpec = IPodTemplateSpec;
/** @public */
export type Container = IContainer;
/** @public */
export type ContainerStatus = IContainerStatus;
/** @public */
export type PodCondition = IPodCondition;
/** @public */
export type PolicyRule = IPolicyRule;
/** @public */
export type Subject = ISubject;

/** @public */
export type Pod = Stored<IPod>;
/** @public */
export type Deployment = Stored<IDeployment>;
/** @public */
export type StatefulSet = Stored<IStatefulSet>;
/** @public */
export type DaemonSet = Stored<IDaemonSet>;
/** @public */
export type ReplicaSet = Stored<IReplicaSet>;
/** @public */
export type ReplicationController = Stored<IReplicationController>;
/** @public */
export type Job = Stored<IJob>;
/** @public */
export type CronJob = Stored<ICronJob>;
/** @public */
export type Service = Stored<IService>;
/** @public */
export type EndpointSlice = Stored<IEndpointSlice>;
/** A core/v1 Node (named apart from the DOM's Node). @public */
export type KubeNode = Stored<INode>;
/** @public */
export type Namespace = Stored<INamespace>;
/** @public */
export type ServiceAccount = Stored<IServiceAccount>;
/** @public */
export type ConfigMap = Stored<IConfigMap>;
/** @public */
export type Secret = Stored<ISecret>;
/** A core/v1 Event. @public */
export type KubeEvent = Stored<IEvent>;
/** @public */
export type Ingress = Stored<IIngress>;
/** @public */
export type NetworkPolicy = Stored<INetworkPolicy>;
/** @public */
export type PodDisruptionBudget = Stored<IPodDisruptionBudget>;
/** @public */
export type HorizontalPodAutoscaler = Stored<IHorizontalPodAutoscaler>;
/** @public */
export type Role = Stored<IRole>;
/** An RBAC ClusterRole (named apart from the suite's cluster roles). @public */
export type KubeClusterRole = Stored<IClusterRole>;
/** @public */
export type RoleBinding = Stored<IRoleBinding>;
/** @public */
export type ClusterRoleBinding = Stored<IClusterRoleBinding>;
/** @public */
export type PersistentVolumeClaim = Stored<IPersistentVolumeClaim>;
/** @public */
export type PersistentVolume = Stored<IPersistentVolume>;
/** A storage.k8s.io/v1 StorageClass. @public */
export type StorageClass = Stored<IStorageClass>;

/**
 * An Istio kind under any of the versions Istio serves (v1, v1beta1,
 * v1alpha3) with the same fields; the v1 model describes them all.
 *
 * @public
 */
export type AnyVersion<T> = Omit<
  Stored<T & { metadata?: object }>,
  'apiVersion'
> & {
  apiVersion: string;
};

/** @public */
export type PeerAuthentication = AnyVersion<IPeerAuthentication> & {
  kind: 'PeerAuthentication';
};
/** @public */
export type AuthorizationPolicy = AnyVersion<IAuthorizationPolicy> & {
  kind: 'AuthorizationPolicy';
};
/** @public */
export type VirtualService = AnyVersion<IVirtualService> & {
  kind: 'VirtualService';
};
/** @public */
export type DestinationRule = AnyVersion<IDestinationRule> & {
  kind: 'DestinationRule';
};
/** @public */
export type Gateway = AnyVersion<IGateway> & { kind: 'Gateway' };
/** @public */
export type Sidecar = AnyVersion<ISidecar> & { kind: 'Sidecar' };
/** @public */
export type ServiceEntry = AnyVersion<IServiceEntry> & { kind: 'ServiceEntry' };
/** A prometheus-operator PrometheusRule. @public */
export type PrometheusRule = Stored<IPrometheusRule> & {
  kind: 'PrometheusRule';
};
/** A prometheus-operator ServiceMonitor. @public */
export type ServiceMonitor = Stored<IServiceMonitor> & {
  kind: 'ServiceMonitor';
};
/** A prometheus-operator PodMonitor. @public */
export type PodMonitor = Stored<IPodMonitor> & { kind: 'PodMonitor' };

/**
 * The kinds the suite reads, by `kind`: what {@link isKind} narrows to.
 *
 * @public
 */
export interface KubeKinds {
  Pod: Pod;
  Deployment: Deployment;
  StatefulSet: StatefulSet;
  DaemonSet: DaemonSet;
  ReplicaSet: ReplicaSet;
  ReplicationController: ReplicationController;
  Job: Job;
  CronJob: CronJob;
  Service: Service;
  EndpointSlice: EndpointSlice;
  Node: KubeNode;
  Namespace: Namespace;
  ServiceAccount: ServiceAccount;
  ConfigMap: ConfigMap;
  Secret: Secret;
  Event: KubeEvent;
  Ingress: Ingress;
  NetworkPolicy: NetworkPolicy;
  PodDisruptionBudget: PodDisruptionBudget;
  HorizontalPodAutoscaler: HorizontalPodAutoscaler;
  Role: Role;
  ClusterRole: KubeClusterRole;
  RoleBinding: RoleBinding;
  ClusterRoleBinding: ClusterRoleBinding;
  PeerAuthentication: PeerAuthentication;
  AuthorizationPolicy: AuthorizationPolicy;
  VirtualService: VirtualService;
  DestinationRule: DestinationRule;
  Gateway: Gateway;
  ServiceEntry: ServiceEntry;
  Sidecar: Sidecar;
  PrometheusRule: PrometheusRule;
  ServiceMonitor: ServiceMonitor;
  PodMonitor: PodMonitor;
  Rollout: Rollout;
  Application: ArgoCdApplication;
  PipelineRun: PipelineRun;
  TaskRun: TaskRun;
  VirtualMachine: VirtualMachine;
  VulnerabilityReport: VulnerabilityReport;
  ConfigAuditReport: ConfigAuditReport;
  ClusterConfigAuditReport: ClusterConfigAuditReport;
  PolicyReport: PolicyReport;
  ClusterPolicyReport: ClusterPolicyReport;
  PersistentVolumeClaim: PersistentVolumeClaim;
  PersistentVolume: PersistentVolume;
  StorageClass: StorageClass;
  CephCluster: CephCluster;
  CephBlockPool: CephBlockPool;
  PrometheusServiceLevel: SlothPrometheusServiceLevel;
  ServiceLevelObjective: PyrraServiceLevelObjective;
}

/**
 * A kind the suite has a type for.
 *
 * @public
 */
export type KnownKind = keyof KubeKinds;

/**
 * The object of `kind`, typed: the kind's own type where the suite has one,
 * else a {@link KubeObject}.
 *
 * @public
 */
export type KubeObjectOf<K extends string> = K extends KnownKind
  ? KubeKinds[K]
  : KubeObject;

/**
 * Narrows an object to the type of its kind. The check is on `kind` only, as
 * the fields are; the types describe what the API serves, so code reading
 * untrusted manifests still checks the values it relies on.
 *
 * @public
 */
export function isKind<K extends KnownKind>(
  object: KubeObject | undefined,
  kind: K,
): object is KubeObject & KubeKinds[K] {
  return object?.kind === kind;
}

/**
 * Narrows an object to one of several kinds.
 *
 * @public
 */
export function isOneOfKinds<K extends KnownKind>(
  object: KubeObject | undefined,
  kinds: readonly K[],
): object is KubeObject & KubeKinds[K] {
  return (
    object !== undefined && (kinds as readonly string[]).includes(object.kind)
  );
}
