import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { unreachableUrl } from '@cloud-native-platform/plugin-cloud-native-node/testUtils';
// The table covers every backend plugin of the suite, started together as
// a portal starts them.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import healingPlugin from '@cloud-native-platform/plugin-healing-backend';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import securityPosturePlugin from '@cloud-native-platform/plugin-security-posture-backend';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { clusterTopologyPlugin } from '../plugin';
import {
  DEMO_EXAMPLES_DIR,
  demoCatalogEntities,
  demoClusters,
  waitForDemoClusters,
} from '@cloud-native-platform/plugin-cloud-native-node/testUtils';

jest.setTimeout(180_000);

// Long, yet within Node's 16 KB of headers (beyond, Node itself answers 431).
const HUGE = 'x'.repeat(5_000);
const user = mockCredentials.user.header();
/** The token falcosidekick and Alertmanager post with: a service principal. */
const service = mockCredentials.service.header();

type Case = {
  method?: 'get' | 'post' | 'put';
  url: string;
  body?: string;
  type?: string;
  auth?: string;
};

const get = (...urls: string[]): Case[] => urls.map(url => ({ url }));
const post = (
  url: string,
  bodies: string[],
  type = 'application/json',
  auth = user,
  method: 'post' | 'put' = 'post',
): Case[] => bodies.map(body => ({ method, url, body, type, auth }));

/** Malformed JSON bodies and JSON of the wrong shape. */
const BAD_JSON = ['{', '{"a":', '[]', '"text"', '5', '{"enabled":"yes"}'];

const T = '/api/cluster-topology';
const P = '/api/security-posture';
const H = '/api/healing';

/**
 * Every route of every backend plugin with malformed parameters. Each
 * must answer 4xx with a message; none may answer 5xx.
 */
const CASES: Case[] = [
  ...get(
    `${T}/clusters?cluster=a`,
    `${T}/clusters?cluster=a&cluster=b`,
    `${T}/workloads`,
    `${T}/workloads?entityRef=`,
    `${T}/workloads?entityRef=a&entityRef=b`,
    `${T}/workloads?entityRef[]=a`,
    `${T}/workloads?entityRef[kind]=component`,
    `${T}/workloads?entityRef=::`,
    `${T}/workloads?entityRef=component:default/nope`,
    `${T}/workloads?entityRef=${HUGE}`,
    `${T}/workloads?entityRef=component:default/trading-engine&x=1`,
    `${T}/graph?window=60000.5ms`,
    `${T}/graph?window=90s`,
    `${T}/graph?window=NaN`,
    `${T}/graph?window=Infinity`,
    `${T}/graph?window=-5m`,
    `${T}/graph?window=1e3`,
    `${T}/graph?window=0m`,
    `${T}/graph?window=5m&window=1h`,
    `${T}/graph?window[]=5m`,
    `${T}/graph?window=${HUGE}`,
    `${T}/graph?cluster=a&cluster=b`,
    `${T}/graph?cluster[]=prod-east-a`,
    `${T}/graph?cluster=${HUGE}`,
    `${T}/graph?cluster=prod-east-a&namespace=${HUGE}`,
    `${T}/graph?cluster=prod-east-a&namespace[]=trading`,
    `${T}/graph?namespace=trading`,
    `${T}/graph?layers=static,mesh`,
    `${T}/graph?layers[x]=static`,
    `${T}/graph?expand[]=a`,
    `${T}/graph?entityRef=::`,
    `${T}/graph?entityRef=component:default/x&cluster=prod-east-a`,
    `${T}/graph?entityRef=user:default/nope`,
    `${T}/graph?foo=1`,
    `${T}/object`,
    `${T}/object?cluster=prod-east-a&kind=Pod`,
    `${T}/object?cluster=a&cluster=b&kind=Pod&name=x`,
    `${T}/object?cluster=prod-east-a&kind=Secret&name=x`,
    `${T}/object?cluster=prod-east-a&kind[]=Pod&name=x`,
    `${T}/object?cluster=prod-east-a&kind=Pod&name=${HUGE}`,
    `${T}/object?cluster=prod-east-a&kind=NaN&name=x`,
    `${T}/object?cluster=nope&kind=Pod&name=x`,
    `${T}/object?cluster=prod-east-a&kind=Pod&name=x&namespace[]=a`,
    `${T}/object?cluster=prod-east-a&kind=Pod&name=x&extra=1`,
  ),
  ...get(
    `${P}/report?entityRef=a&entityRef=b`,
    `${P}/report?entityRef=`,
    `${P}/report?entityRef[]=a`,
    `${P}/report?entityRef=::`,
    `${P}/report?entityRef=component:default/nope`,
    `${P}/report?entityRef=a&cluster=b`,
    `${P}/report?cluster=nope`,
    `${P}/report?cluster=${HUGE}`,
    `${P}/report?cluster=prod-east-a&namespace=${HUGE}`,
    `${P}/report?cluster=prod-east-a&namespace[]=a`,
    `${P}/report?namespace=trading`,
    `${P}/report?team=::`,
    `${P}/report?team=group:default/nope`,
    `${P}/report?foo=1`,
    `${P}/overview?cluster=prod-east-a`,
    `${P}/history?days=NaN`,
    `${P}/history?days=Infinity`,
    `${P}/history?days=-1`,
    `${P}/history?days=1.5`,
    `${P}/history?days=1e3`,
    `${P}/history?days=99999999999999999999`,
    `${P}/history?entityRef=::`,
    `${P}/history?cluster=nope`,
    `${P}/history?days[]=1`,
    `${P}/checks?x=1`,
  ),
  ...post(
    `${P}/audit`,
    [
      'a: [',
      'kind: [unclosed',
      '{',
      '- 1\n- 2',
      '"text"',
      '{"kind": 5, "metadata": "x"}',
      '{"kind": "Deployment", "metadata": {"name": 5}, "spec": {"template": 5}}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      // An alias bomb: a few lines that expand to billions of nodes.
      [
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
        'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      ].join('\n'),
    ],
    'application/yaml',
  ),
  ...post(`${P}/audit?format=xml`, ['kind: Service'], 'application/yaml'),
  ...post(`${P}/audit?clusterRole=nope`, ['kind: Service'], 'application/yaml'),
  ...post(
    `${P}/audit?clusterRole[]=production`,
    ['kind: Service'],
    'application/yaml',
  ),
  ...post(`${P}/audit?foo=1`, ['kind: Service'], 'application/yaml'),
  ...post(`${P}/audit`, ['kind: Service'], 'application/octet-stream'),
  ...post(
    `${P}/falco`,
    [...BAD_JSON, '{"rule": 5}'],
    'application/json',
    service,
  ),
  ...post(`${P}/falco`, ['rule: x'], 'text/plain', service),
  ...post(
    `${P}/falco?cluster=a&cluster=b`,
    [
      '{"uuid":"u","rule":"r","priority":"Warning","output":"o","time":"2030-01-01T00:00:00Z","output_fields":{}}',
    ],
    'application/json',
    service,
  ),
  ...post(
    `${H}/alerts`,
    [
      ...BAD_JSON,
      '{"version":"4","alerts":"x"}',
      '{"version":"4","alerts":[{"labels":null}]}',
      '{"version":"4","alerts":[{"labels":{"alertname":5},"startsAt":"never"}]}',
    ],
    'application/json',
    service,
  ),
  ...get(
    `${H}/attempts?limit=NaN`,
    `${H}/attempts?limit=Infinity`,
    `${H}/attempts?limit=-1`,
    `${H}/attempts?limit=0`,
    `${H}/attempts?limit=1.5`,
    `${H}/attempts?limit=1e3`,
    `${H}/attempts?limit=99999999999999999999`,
    `${H}/attempts?limit[]=1`,
    `${H}/attempts?status=bogus`,
    `${H}/attempts?action=restart&action=scale`,
    `${H}/attempts?since=yesterday`,
    `${H}/attempts?since=2030-13-45`,
    `${H}/attempts?since=-271821-04-20T00:00:00Z`,
    `${H}/attempts?since=+275760-09-13T00:00:00.001Z`,
    `${H}/attempts?entityRef=::`,
    `${H}/attempts?entityRef=component:default/nope`,
    `${H}/attempts?namespace=trading`,
    `${H}/attempts?cluster=a&cluster=b`,
    `${H}/attempts?foo=1`,
    `${H}/attempts/nope`,
    `${H}/attempts/${HUGE}`,
    `${H}/attempts/%00`,
    `${H}/attempts/-1`,
    `${H}/stats?days=NaN`,
    `${H}/stats?days=-1`,
    `${H}/stats?days=1.5`,
    `${H}/stats?days=99999999999999999999`,
    `${H}/stats?status=bogus`,
    `${H}/stats?since=2030-01-01`,
    `${H}/stats?entityRef[]=a`,
    `${H}/status?x=1`,
  ),
  ...post(`${H}/attempts/nope/approve`, [...BAD_JSON, '{"comment":5}']),
  ...post(`${H}/attempts/nope/reject`, [...BAD_JSON, `{"comment":"${HUGE}"}`]),
  ...post(`${H}/attempts/%00/approve`, ['{}']),
  ...post(
    `${H}/kill-switch`,
    [...BAD_JSON, '{"enabled":null}', '{"enabled":[true]}'],
    'application/json',
    user,
    'put',
  ),
];

function demoHealing() {
  return YAML.parse(
    fs.readFileSync(
      path.join(DEMO_EXAMPLES_DIR, '..', 'app-config.yaml'),
      'utf8',
    ),
  ).healing;
}

/** Each plugin its own database on the engine under test, as in a portal. */
function databaseOn(databases: TestDatabases, id: TestDatabaseId) {
  return createServiceFactory({
    service: coreServices.database,
    deps: {},
    async factory() {
      const knex = await databases.init(id);
      return { getClient: async () => knex };
    },
  });
}

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
});

describe.each(databases.eachSupportedId())(
  'malformed requests to every route, on %s',
  databaseId => {
    let server: any;

    beforeAll(async () => {
      // Nothing listens there: traffic queries fail like a Prometheus that is down.
      const prometheus = { url: await unreachableUrl() };
      ({ server } = await startTestBackend({
        features: [
          clusterTopologyPlugin,
          securityPosturePlugin,
          healingPlugin,
          databaseOn(databases, databaseId),
          catalogServiceMock.factory({ entities: demoCatalogEntities() }),
          mockServices.rootConfig.factory({
            data: {
              cloudNativePlatform: {
                clusters: demoClusters().map(c => ({ ...c, prometheus })),
                // The table makes a few hundred calls as one user in seconds.
                rateLimits: {
                  reads: { limit: 10_000 },
                  audit: { limit: 10_000 },
                },
              },
              healing: demoHealing(),
              securityPosture: {
                falco: {
                  senders: [{ subject: 'test-service', clusters: ['staging'] }],
                },
              },
            },
          }),
        ],
      }));
      await waitForDemoClusters(server);
    });

    it('answers each with a 4xx and a message, never a 5xx', async () => {
      const answers = [];
      for (const c of CASES) {
        let req = request(server)
          [c.method ?? 'get'](c.url)
          .set('Authorization', c.auth ?? user);
        if (c.body !== undefined) {
          req = req.set('Content-Type', c.type!).send(c.body);
        }
        const res = await req;
        answers.push({
          request: `${(c.method ?? 'get').toUpperCase()} ${c.url.slice(
            0,
            120,
          )}${c.body ? ` ${c.body.slice(0, 60)}` : ''}`,
          status: res.status,
          message: res.body?.error?.message,
        });
      }
      const wrong = answers.filter(
        a =>
          a.status < 400 ||
          a.status >= 500 ||
          typeof a.message !== 'string' ||
          a.message === '',
      );
      expect(wrong).toEqual([]);
      expect(answers).toHaveLength(CASES.length);
    });
  },
);
