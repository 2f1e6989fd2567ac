import { KubeObject } from './KubeObject';
import { fieldOf, recordOf } from './fields';
import { isKind, isOneOfKinds } from './kinds';
import {
  desiredReplicas,
  isScalable,
  podTemplateOf,
  templateMetadataOf,
} from './workloads';

const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'app', image: 'web:1' }] },
};

function object(kind: string, spec?: unknown): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name: 'web' }, spec };
}

describe('isKind', () => {
  it('narrows by kind only', () => {
    const pod = object('Pod', { containers: [{ name: 'app' }] });
    expect(isKind(pod, 'Pod')).toBe(true);
    expect(isKind(pod, 'Deployment')).toBe(false);
    expect(isKind(undefined, 'Pod')).toBe(false);
    expect(isOneOfKinds(pod, ['Deployment', 'Pod'])).toBe(true);
    expect(isOneOfKinds(undefined, ['Pod'])).toBe(false);
    const narrowed = isKind(pod, 'Pod') ? pod.spec?.containers[0].name : null;
    expect(narrowed).toBe('app');
  });
});

describe('podTemplateOf', () => {
  it('reads the template of workloads and the job template of CronJobs', () => {
    expect(podTemplateOf(object('Deployment', { template }))).toBe(template);
    expect(podTemplateOf(object('Rollout', { template }))).toBe(template);
    expect(
      podTemplateOf(object('CronJob', { jobTemplate: { spec: { template } } })),
    ).toBe(template);
  });

  it('gives nothing for kinds without a pod template', () => {
    expect(podTemplateOf(object('Service', { template }))).toBeUndefined();
    expect(podTemplateOf(object('Pod', template.spec))).toBeUndefined();
    expect(podTemplateOf(object('Deployment'))).toBeUndefined();
  });
});

describe('templateMetadataOf', () => {
  it('reads any kind with a template, custom resources included', () => {
    expect(templateMetadataOf(object('VirtualMachine', { template }))).toBe(
      template.metadata,
    );
    expect(
      templateMetadataOf(
        object('CronJob', { jobTemplate: { spec: { template } } }),
      ),
    ).toBe(template.metadata);
  });

  it('is undefined for malformed or missing templates', () => {
    expect(templateMetadataOf(object('Deployment'))).toBeUndefined();
    expect(
      templateMetadataOf(object('Deployment', { template: 'web' })),
    ).toBeUndefined();
    expect(
      templateMetadataOf(object('Deployment', { template: { metadata: 3 } })),
    ).toBeUndefined();
  });
});

describe('desiredReplicas', () => {
  it('reads spec.replicas of scalable kinds only', () => {
    expect(desiredReplicas(object('Deployment', { replicas: 3 }))).toBe(3);
    expect(desiredReplicas(object('StatefulSet', { replicas: 0 }))).toBe(0);
    expect(desiredReplicas(object('DaemonSet', { replicas: 3 }))).toBe(
      undefined,
    );
    expect(isScalable(object('DaemonSet'))).toBe(false);
  });

  it('ignores a replica count that is not a number', () => {
    expect(
      desiredReplicas(object('Deployment', { replicas: '3' })),
    ).toBeUndefined();
    expect(desiredReplicas(object('Deployment'))).toBeUndefined();
  });
});

describe('fieldOf and recordOf', () => {
  it('read JSON of unknown shape', () => {
    expect(fieldOf({ a: { b: 1 } }, 'a')).toEqual({ b: 1 });
    expect(fieldOf('text', 'length')).toBeUndefined();
    expect(fieldOf(null, 'a')).toBeUndefined();
    expect(recordOf({ a: 1 })).toEqual({ a: 1 });
    expect(recordOf([1, 2])).toEqual({});
    expect(recordOf(undefined)).toEqual({});
  });
});
