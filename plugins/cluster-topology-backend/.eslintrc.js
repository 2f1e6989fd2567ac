module.exports = require('../../scripts/eslintConfig')(__dirname, {
  // Being rewritten (typed router, maturity moving to its own plugin).
  pendingAny: [
    'src/service/router.ts',
    'src/service/queryParams.ts',
    'src/service/maturityRoutes.ts',
    'src/service/Maturity*.ts',
  ],
});
