module.exports = require('../../scripts/eslintConfig')(__dirname, {
  // Moving to platform-maturity-backend; typed there.
  pendingAny: ['src/maturity/**'],
});
