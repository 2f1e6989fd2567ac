/*
 * Root-cause localisation on the RCD Sock Shop cases: for every
 * `<service>-<fault>/<run>/{normal,anomalous}.csv`, our ranking and the
 * NSigma baseline each rank the services; the folder name is the truth and
 * is never shown to the rankers.
 *
 *   npm run bench:rca -- [--data ../shared/data/rcd-sock-shop]
 *
 * The last lines are `name: value` pairs for scripts to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { accuracyAtK, averageAccuracy } from '../src/rca/rootCauseAccuracy';
import { RootCauseCandidate } from '../src/rca/metrics';
import { nSigmaRanking } from '../src/rca/nSigmaRanking';
import { rankRootCauses } from '../src/rca/rankRootCauses';
import { UsageError, log, parseOptions, userPath } from './lib/args';
import { RcdCase, loadRcdCases } from './lib/rcdCases';

/** Sock Shop's calls, from its published architecture (not from the cases). */
const SOCK_SHOP_CALLS: Record<string, string[]> = {
  'front-end': ['carts', 'catalogue', 'orders', 'user', 'payment', 'shipping'],
  orders: ['carts', 'payment', 'user', 'shipping', 'orders-db'],
  carts: ['carts-db'],
  catalogue: ['catalogue-db'],
  user: ['user-db'],
  shipping: ['rabbitmq'],
  'queue-master': ['rabbitmq'],
};

type Case = RcdCase;

function main() {
  const options = parseOptions(process.argv.slice(2), {
    data: path.join('..', 'shared', 'data', 'rcd-sock-shop'),
  });
  const root = userPath(options.data);
  if (!fs.existsSync(root)) throw new UsageError(`no data at ${root}`);
  const cases = loadRcdCases(root);
  if (cases.length === 0) throw new UsageError(`no cases under ${root}`);
  const methods: Record<string, (c: Case) => RootCauseCandidate[]> = {
    ours: c => rankRootCauses(c.normal, c.anomalous),
    ours_graph: c =>
      rankRootCauses(c.normal, c.anomalous, { dependencies: SOCK_SHOP_CALLS }),
    nsigma: c => nSigmaRanking(c.normal, c.anomalous),
  };
  const truths = cases.map(c => c.truth);
  const figures: string[] = [];
  for (const [method, rank] of Object.entries(methods)) {
    const rankings = cases.map(c => rank(c).map(r => r.service));
    cases.forEach((c, i) => {
      const at = rankings[i].indexOf(c.truth);
      if (at !== 0) {
        const top = rank(c)[0];
        log(
          `${method} ${c.name}: truth at rank ${at + 1}; top ${top.service} (${
            top.evidence[0]?.metric
          } ${top.evidence[0]?.sigmas.toFixed(1)} sigmas)`,
        );
      }
    });
    for (const k of [1, 3]) {
      figures.push(
        `${method}_ac@${k}: ${accuracyAtK(rankings, truths, k).toFixed(3)}`,
      );
    }
    figures.push(
      `${method}_avg@5: ${averageAccuracy(rankings, truths, 5).toFixed(3)}`,
    );
  }
  log(`cases: ${cases.length}`);
  for (const line of figures) log(line);
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else throw error;
}
