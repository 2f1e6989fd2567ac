/*
 * The ESLint configuration of every package: Backstage's, plus the rules the
 * repository holds itself to.
 *
 *   module.exports = require('../../scripts/eslintConfig')(__dirname);
 *
 * `no-explicit-any` is an error in source and a warning in test code (tests,
 * test utilities, fixtures, dev apps, benchmarks). A justified `any` in
 * source carries
 *   // eslint-disable-next-line @typescript-eslint/no-explicit-any -- <why>
 * and scripts/checkExplicitAny.js caps how many there are.
 *
 * `options.pendingAny` names source files (globs relative to the package)
 * still being typed: they warn instead of failing until they are done.
 */
'use strict';

const createConfig = require('@backstage/cli/config/eslint-factory');

/** Test code, where `any` only warns; scripts/checkExplicitAny.js uses the same list. */
const TEST_CODE = [
  '**/*.test.*',
  '**/__testUtils__/**',
  '**/testUtils/**',
  '**/__fixtures__/**',
  '**/testing/**',
  'dev/**',
  'bench/**',
];

function eslintConfig(dir, options = {}) {
  const pendingAny = options.pendingAny ?? [];
  return createConfig(dir, {
    tsRules: { '@typescript-eslint/no-explicit-any': 'error' },
    overrides: [
      {
        files: [...TEST_CODE, ...pendingAny],
        rules: { '@typescript-eslint/no-explicit-any': 'warn' },
      },
    ],
  });
}

module.exports = eslintConfig;
module.exports.TEST_CODE = TEST_CODE;
