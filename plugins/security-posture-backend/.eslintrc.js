module.exports = require('../../scripts/eslintConfig')(__dirname, {
  // Being rewritten as an OpenAPI typed router.
  pendingAny: [
    'src/service/router.ts',
    'src/service/routes/**',
    'src/service/queryParams.ts',
  ],
});
