module.exports = require('../../scripts/eslintConfig')(__dirname, {
  // DR readiness still reads the pod template and pod conditions untyped;
  // its rewrite moves it to the suite's Kubernetes types.
  pendingAny: ['src/assessment/assessDrReadiness.ts'],
});
