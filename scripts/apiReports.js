/*
 * The API reports of the published packages: `report.api.md` (and
 * `report-<entry>.api.md` for every other entry point, such as `./alpha`)
 * written by API Extractor through `backstage-repo-tools api-reports`, and
 * `cli-report.md` for the command-line package.
 *
 *   npm run api-reports [-- <package dir>…]   regenerate them (also as
 *                                             build:api-reports, the name
 *                                             backstage-repo-tools prints)
 *   npm test -- api-reports                   fail when one is out of date
 *
 * Both first run `tsc`, whose declarations (`dist-types/`) are what API
 * Extractor reads, so neither needs an earlier build. That run is a full
 * one: an incremental build re-checks only the changed files, and the order
 * in which types are checked decides the order of union members in the
 * declarations it writes, so reports made after an incremental build could
 * differ from a fresh clone's.
 */
'use strict';

/** The command that regenerates the reports, as failures name it. */
const REGENERATE_COMMAND = 'npm run api-reports';

/**
 * Messages left out of the reports: members without a doc comment, and the
 * `.ts` sources API Extractor meets when one workspace package's types point
 * at another's `src/`.
 */
const OMITTED_MESSAGES = ['ae-undocumented', 'ae-wrong-input-file-type'];

/** Packages whose reports may keep warnings: none. */
const ALLOWED_WARNINGS = [];

/** Arguments of `backstage-repo-tools`; `check` compares instead of writing. */
function apiReportArgs({ check, paths = [] }) {
  const args = [
    'backstage-repo-tools',
    'api-reports',
    '--validate-release-tags',
    '--omit-messages',
    OMITTED_MESSAGES.join(','),
  ];
  if (ALLOWED_WARNINGS.length > 0) {
    args.push('--allow-warnings', ALLOWED_WARNINGS.join(','));
  }
  if (check) args.push('--ci');
  return [...args, ...paths];
}

/**
 * Runs tsc, then the reports; `yarn(args)` runs the repository's Yarn and
 * returns its exit code. Returns the exit code of the first step that fails.
 */
function runApiReports(yarn, { check, paths }) {
  const tsc = yarn(['run', '--binaries-only', 'tsc', '--incremental', 'false']);
  if (tsc !== 0) {
    process.stderr.write(
      '[api-reports] tsc failed, so the declarations the reports are made from are missing\n',
    );
    return tsc;
  }
  const status = yarn(apiReportArgs({ check, paths }));
  if (status !== 0) {
    process.stderr.write(
      check
        ? `[api-reports] an API report is missing or out of date (see above); run \`${REGENERATE_COMMAND}\` and commit the changed report files\n`
        : '[api-reports] the reports could not be written (see above)\n',
    );
  }
  return status;
}

module.exports = { REGENERATE_COMMAND, apiReportArgs, runApiReports };
