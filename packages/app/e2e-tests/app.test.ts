import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

test('guest signs in and sees the demo catalog', async ({ page }) => {
  await signInAsGuest(page);

  // Guests own nothing, so list every component of the demo fleet.
  await page.getByText('All', { exact: true }).first().click();
  await expect(
    page.getByRole('link', { name: /^trading[- ]engine$/i }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: /^flash[- ]sale$/i }),
  ).toBeVisible();
  await expect(page.getByText(/Error in/)).toHaveCount(0);
});

test('a demo component shows its owner and system', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/trading-engine');
  await expect(
    page.getByRole('heading', { name: /trading[- ]engine/i }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'trading-team' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'core-trading' }).first(),
  ).toBeVisible();
});

test('the cluster topology page shows the demo clusters', async ({ page }) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Cluster topology' }).click();
  await expect(page).toHaveURL(/\/cluster-topology/);

  // The graph may be unavailable; the cluster cards must show regardless.
  for (const cluster of ['prod-east-a', 'prod-east-b', 'dr-west', 'staging']) {
    await expect(
      page.getByRole('region', { name: `Cluster ${cluster}` }),
    ).toBeVisible();
  }
});

test('a component shows its workloads in every cluster', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/trading-engine');
  await expect(
    page.getByRole('table', { name: 'Cluster workloads' }),
  ).toBeVisible();

  await page.goto('/catalog/default/component/trading-engine/topology');
  // The map is a canvas; its nodes are also listed for assistive technology.
  for (const cluster of ['prod-east-a', 'prod-east-b', 'dr-west', 'staging']) {
    await expect(
      page.getByRole('button', {
        name: new RegExp(`^trading-engine, workload in ${cluster}/trading, `),
      }),
    ).toBeAttached();
  }
});

test('the side panel lists what a workload is connected to', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/trading-engine/topology');
  const node = page.getByRole('button', {
    name: /^trading-engine, workload in prod-east-a\/trading, /,
  });
  await expect(node).toBeAttached();
  // The list is visually hidden; keyboard users reach it the same way.
  await node.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', {
    name: 'Details of trading-engine',
  });
  await expect(panel).toBeVisible();
  await expect(
    panel.getByRole('list', { name: 'Connections' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  await expect(panel.getByText('Recent events')).toBeVisible();
});

test('the security posture page scores every demo cluster', async ({
  page,
}) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Security posture' }).click();
  await expect(page).toHaveURL(/\/security-posture/);

  const clusters = page.getByRole('table', { name: 'Clusters' });
  for (const cluster of ['prod-east-a', 'prod-east-b', 'dr-west', 'staging']) {
    await expect(
      clusters.getByRole('row', { name: new RegExp(`of ${cluster} `) }),
    ).toBeVisible();
  }
  await expect(page.getByText('Top failing checks')).toBeVisible();
  await expect(page.getByText(/Error in|Could not load/)).toHaveCount(0);
});

test('a component shows its security findings', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/risk-service');
  await expect(page.getByText('Security posture').first()).toBeVisible();

  await page.goto('/catalog/default/component/risk-service/security-posture');
  // The demo's vendor image runs as root under an accepted exception, and
  // carries critical vulnerabilities.
  await expect(
    page
      .getByText(/image-vulnerabilities-critical|critical vulnerabilit/i)
      .first(),
  ).toBeVisible();
});

test('a component shows its platform maturity and DR readiness', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/trading-engine');
  const terms = page.getByRole('table', { name: 'Maturity terms' });
  await expect(terms).toBeVisible();
  for (const term of ['mesh', 'monitoring', 'scaling', 'healing']) {
    await expect(terms.getByText(term, { exact: true })).toBeVisible();
  }

  await page.goto('/catalog/default/component/trading-engine/dr-readiness');
  const findings = page.getByRole('list', { name: 'DR findings' });
  // dr-west runs an older image and too few replicas, and scaling it up
  // takes longer than the 15 s RTO.
  await expect(findings.getByText(/2\.3\.0 in dr-west/).first()).toBeVisible();
  await expect(
    findings.getByText(/longer than the 15s RTO/).first(),
  ).toBeVisible();

  // risk-service's 2 m RTO against the 240 s the replayed restart took.
  await page.goto('/catalog/default/component/risk-service/dr-readiness');
  await expect(
    page
      .getByRole('table', { name: 'Recovery objectives' })
      .getByText(
        /healing recovered in 240s \(median\), slower than the target/,
      ),
  ).toBeVisible();
});

test('the platform maturity page ranks teams and opens one', async ({
  page,
}) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Platform maturity' }).click();
  await expect(page).toHaveURL(/\/platform-maturity/);

  const teams = page.getByRole('table', { name: 'By team' });
  await teams.getByRole('button', { name: 'trading-team' }).click();
  await expect(page).toHaveURL(/team=group%3Adefault%2Ftrading-team/);
  const components = page.getByRole('table', {
    name: 'Components of team trading-team',
  });
  await expect(
    components.getByRole('link', { name: /trading[- ]engine/i }).first(),
  ).toBeVisible();
  await expect(page.getByText(/Could not load/)).toHaveCount(0);
});

test('the scaffolder offers the cloud-native templates', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/create');
  await expect(
    page.getByText('Cloud-native service (TypeScript)').first(),
  ).toBeVisible();
  await expect(
    page.getByText('Wire an existing service into the platform').first(),
  ).toBeVisible();
});

test('the healing history shows the replayed demo incidents', async ({
  page,
}) => {
  await signInAsGuest(page);
  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Healing history' }).click();
  await expect(page).toHaveURL(/\/healing/);

  const attempts = page.getByRole('table', { name: 'Healing attempts' });
  // The crash-looping risk-service pod was restarted and recovered.
  const restart = attempts
    .getByRole('row')
    .filter({ hasText: 'trading/risk-service' })
    .filter({ hasText: 'succeeded' });
  await expect(restart.first()).toBeVisible();
  // The flash-sale surge waits for someone allowed to approve the scale-up;
  // the viewer signed in here is not, and is told why.
  const approve = page.getByRole('button', { name: /approve/i }).first();
  await expect(approve).toBeVisible();
  await expect(approve).toBeDisabled();
  await expect(
    page
      .getByText(
        /^Deciding attempts in prod-east-a\/commerce needs the healing\.attempt\.approve permission$/,
      )
      .first(),
  ).toBeVisible();
  await expect(
    page.getByText(
      'Turning the kill switch needs the healing.killswitch.update permission',
    ),
  ).toBeVisible();

  await restart.first().getByRole('button').first().click();
  await expect(page).toHaveURL(/\/healing\/attempts\//);
  await expect(page.getByText(/root cause/i).first()).toBeVisible();
});

test('a healing attempt shows the learned action choice and its evidence', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/healing');
  const attempts = page.getByRole('table', { name: 'Healing attempts' });
  // The later replayed crash loop: its policy allows restart and evict, and
  // one earlier restart had been verified.
  const evicted = attempts
    .getByRole('row')
    .filter({ hasText: 'trading/risk-service' })
    .filter({ hasText: 'evict' });
  await evicted.first().getByRole('button').first().click();
  await expect(page).toHaveURL(/\/healing\/attempts\//);
  await expect(
    page
      .getByText(
        'evict has no verified outcome yet on KubePodCrashLooping alerts on Deployments; restart 1 of 1',
      )
      .first(),
  ).toBeVisible();
  const candidates = page.getByRole('table', { name: 'Action candidates' });
  await expect(candidates.getByRole('row', { name: /^evict/ })).toContainText(
    'chosen',
  );
  await expect(candidates.getByRole('row', { name: /^restart/ })).toContainText(
    '1 / 1',
  );
});
