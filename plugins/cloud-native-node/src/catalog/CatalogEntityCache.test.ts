import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CatalogEntityCache } from './CatalogEntityCache';

const component = (name: string, description = 'v1'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', description },
  spec: { type: 'service', owner: 'group:default/trading-team' },
});

function setup(
  options: { freshMs?: number; staleMs?: number; maxEntries?: number } = {},
) {
  let now = 0;
  const stored = new Map<string, Entity>([
    ['component:default/trading-engine', component('trading-engine')],
    ['component:default/risk-service', component('risk-service')],
  ]);
  const fetched: string[] = [];
  let failNext = false;
  const denied = new Set<string>();
  const asked: Array<{ resourceRef?: string; user?: string }> = [];
  const catalog = {
    getEntityByRef: jest.fn(async (ref: unknown, { credentials }) => {
      expect(credentials.principal.type).toBe('service');
      fetched.push(String(ref));
      await new Promise(resolve => setImmediate(resolve));
      if (failNext) {
        failNext = false;
        throw new Error('catalog unavailable');
      }
      return stored.get(String(ref));
    }),
  };
  const cache = new CatalogEntityCache({
    catalog,
    auth: {
      getOwnServiceCredentials: async () =>
        mockCredentials.service('plugin:test'),
    },
    permissions: {
      authorize: async (requests, { credentials }) =>
        requests.map(request => {
          const resourceRef =
            'resourceRef' in request ? request.resourceRef : undefined;
          const principal = credentials.principal as {
            type: string;
            userEntityRef?: string;
          };
          const user =
            principal.type === 'user' ? principal.userEntityRef : undefined;
          asked.push({ resourceRef, user });
          return {
            result:
              user && denied.has(user)
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          };
        }),
    },
    now: () => now,
    ...options,
  });
  return {
    cache,
    stored,
    fetched,
    denied,
    asked,
    advance: (ms: number) => {
      now += ms;
    },
    failNext: () => {
      failNext = true;
    },
  };
}

const user = { credentials: mockCredentials.user() };
const settle = () => new Promise(resolve => setTimeout(resolve, 5));

describe('CatalogEntityCache', () => {
  it('asks the catalog once while the entry is fresh, whatever the spelling of the ref', async () => {
    const { cache, fetched } = setup();
    const first = await cache.getEntityByRef(
      'component:default/trading-engine',
      user,
    );
    expect(first?.metadata.name).toBe('trading-engine');
    await cache.getEntityByRef('Component:default/Trading-Engine', user);
    await cache.getEntityByRef(
      { kind: 'component', namespace: 'default', name: 'trading-engine' },
      user,
    );
    expect(fetched).toEqual(['component:default/trading-engine']);
  });

  it("decides every request on the caller's catalog.entity.read", async () => {
    const { cache, denied, asked, fetched } = setup();
    await cache.getEntityByRef('component:default/trading-engine', user);
    denied.add(mockCredentials.user().principal.userEntityRef);
    expect(
      await cache.getEntityByRef('component:default/trading-engine', user),
    ).toBeUndefined();
    expect(asked).toEqual([
      {
        resourceRef: 'component:default/trading-engine',
        user: 'user:default/mock',
      },
      {
        resourceRef: 'component:default/trading-engine',
        user: 'user:default/mock',
      },
    ]);
    expect(fetched).toHaveLength(1);
  });

  it('serves a stale entry once while it fetches it anew, then the new one', async () => {
    const { cache, stored, fetched, advance } = setup({
      freshMs: 1_000,
      staleMs: 60_000,
    });
    await cache.getEntityByRef('component:default/trading-engine', user);
    stored.set(
      'component:default/trading-engine',
      component('trading-engine', 'v2'),
    );
    advance(999);
    expect(
      (await cache.getEntityByRef('component:default/trading-engine', user))
        ?.metadata.description,
    ).toBe('v1');
    advance(1);
    expect(
      (await cache.getEntityByRef('component:default/trading-engine', user))
        ?.metadata.description,
    ).toBe('v1');
    await settle();
    expect(
      (await cache.getEntityByRef('component:default/trading-engine', user))
        ?.metadata.description,
    ).toBe('v2');
    expect(fetched).toHaveLength(2);
  });

  it('fetches before answering once an entry is older than staleMs', async () => {
    const { cache, stored, advance } = setup({
      freshMs: 1_000,
      staleMs: 5_000,
    });
    await cache.getEntityByRef('component:default/trading-engine', user);
    stored.delete('component:default/trading-engine');
    advance(5_000);
    expect(
      await cache.getEntityByRef('component:default/trading-engine', user),
    ).toBeUndefined();
  });

  it('shares one fetch among concurrent misses', async () => {
    const { cache, fetched } = setup();
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        cache.getEntityByRef('component:default/risk-service', user),
      ),
    );
    expect(answers.map(e => e?.metadata.name)).toEqual([
      'risk-service',
      'risk-service',
      'risk-service',
    ]);
    expect(fetched).toHaveLength(1);
  });

  it('caches nothing from a failed fetch, and keeps a stale entry when its refetch fails', async () => {
    const { cache, fetched, failNext, advance } = setup({
      freshMs: 1_000,
      staleMs: 60_000,
    });
    failNext();
    await expect(
      cache.getEntityByRef('component:default/trading-engine', user),
    ).rejects.toThrow('catalog unavailable');
    expect(
      (await cache.getEntityByRef('component:default/trading-engine', user))
        ?.metadata.name,
    ).toBe('trading-engine');
    advance(2_000);
    failNext();
    await cache.getEntityByRef('component:default/trading-engine', user);
    await settle();
    expect(
      (await cache.getEntityByRef('component:default/trading-engine', user))
        ?.metadata.name,
    ).toBe('trading-engine');
    await settle();
    // The failed refetch is tried again by the next request.
    expect(fetched).toHaveLength(4);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { cache, fetched } = setup({ maxEntries: 1 });
    await cache.getEntityByRef('component:default/trading-engine', user);
    await cache.getEntityByRef('component:default/risk-service', user);
    await cache.getEntityByRef('component:default/trading-engine', user);
    expect(fetched).toEqual([
      'component:default/trading-engine',
      'component:default/risk-service',
      'component:default/trading-engine',
    ]);
  });
});
