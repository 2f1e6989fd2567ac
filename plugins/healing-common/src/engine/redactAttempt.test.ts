import { HealingAttempt } from '../api';
import { redactAttempt } from './redactAttempt';

describe('redactAttempt', () => {
  it('redacts the action choice too: a refusal quoting a credential', () => {
    const leaked = 'postgres://healer:s3cr3t-pw@db.shop:5432/x';
    const attempt: HealingAttempt = {
      id: 'a',
      kind: 'remediation',
      cluster: 'c',
      target: { cluster: 'c', kind: 'Deployment', name: 'web' },
      mode: 'enforce',
      status: 'refused',
      createdAt: '2026-11-26T10:00:00Z',
      updatedAt: '2026-11-26T10:00:00Z',
      steps: [],
      actionChoice: {
        alertName: 'WebErrors',
        workloadKind: 'Deployment',
        candidates: [
          {
            action: 'rollback',
            successes: 1,
            failures: 0,
            inconclusive: 0,
            prior: 2,
            sample: 0.7,
            refused: `no plan: ${leaked} refused`,
          },
        ],
        summary: 'rollback healed 1 of 1 such WebErrors alerts on Deployments',
      },
    };
    const redacted = redactAttempt(attempt);
    expect(JSON.stringify(redacted)).not.toContain('s3cr3t-pw');
    expect(redacted.actionChoice?.candidates[0].refused).toContain(
      'db.shop:5432',
    );
    expect(redacted.actionChoice?.summary).toBe(attempt.actionChoice!.summary);
  });
});
