'use strict';
// The @kubernetes-models packages publish ES modules under an "import"
// condition only; Jest resolves require() with the "require" condition, so
// the condition is added for those packages alone.
const ESM_ONLY = /^(?:kubernetes-models|@kubernetes-models\/)/;
module.exports = (request, options) =>
  options.defaultResolver(
    request,
    ESM_ONLY.test(request)
      ? { ...options, conditions: [...(options.conditions ?? []), 'import'] }
      : options,
  );
// The package's jest config carries an `id` of its own: Backstage's CLI gives
// projects with the same transforms the same id, and Jest then shares one
// resolver among them, which would drop this one in a whole-repo run.
