import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

// trading-engine's SLOs in the demo: a Sloth availability SLO (99.99 %) and
// a Pyrra latency SLO (p99 under 200 ms) in prod-east-a and prod-east-b,
// fed by the traffic simulator through the demo's Prometheus.

test("a component's SLOs tab shows each SLO's budget, its clusters and its trend", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAsGuest(page);
  const slos = page.getByRole('table', { name: 'Service level objectives' });
  const availability = slos
    .getByRole('row')
    .filter({ hasText: 'trading-engine-availability' });
  // The simulator's Prometheus starts with the test: wait for its first
  // scrapes to give the budget a figure.
  await expect(async () => {
    await page.goto('/catalog/default/component/trading-engine/slo');
    await expect(availability).toContainText(/\d+(\.\d+)?\s%/, {
      timeout: 5_000,
    });
    await expect(
      page.getByRole('progressbar', {
        name: 'Error budget remaining of trading-engine-availability',
      }),
    ).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(availability).toContainText('99.99');
  await expect(availability).toContainText('sloth');
  const latency = slos
    .getByRole('row')
    .filter({ hasText: 'trading-engine-latency' });
  await expect(latency).toContainText('pyrra');
  await expect(latency).toContainText('p99');

  // The selected SLO: its events summed over both production clusters.
  await slos
    .getByRole('button', { name: 'trading-engine-availability' })
    .click();
  const clusters = page.getByRole('table', {
    name: 'Clusters of trading-engine-availability',
  });
  await expect(clusters.getByRole('row')).toHaveCount(3);
  await expect(clusters).toContainText('prod-east-a');
  await expect(clusters).toContainText('prod-east-b');
  await expect(
    page.getByRole('img', {
      name: /^Error budget remaining of trading-engine-availability over 30d/,
    }),
  ).toBeVisible();
});

test("the SLOs page ranks every team's budgets and the worst burners", async ({
  page,
}) => {
  await signInAsGuest(page);
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .getByRole('link', { name: 'SLOs' })
    .click();
  await expect(page.getByRole('heading', { name: 'SLOs' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Teams' })).toContainText(
    'trading-team',
  );
  await expect(
    page.getByRole('table', { name: 'Worst burners' }),
  ).toContainText('trading-engine-availability');
});
