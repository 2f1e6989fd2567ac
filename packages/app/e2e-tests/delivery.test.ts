import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

// The Delivery card of a demo component: the Argo CD Application that syncs
// trading-engine in prod-east-a and the Tekton runs of its release pipeline,
// read by the cluster state from the demo's manifests.

test('a component shows how its workloads are delivered', async ({ page }) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/trading-engine');

  const table = page.getByRole('table', { name: 'Deliveries' });
  await expect(table).toBeVisible();
  const row = table
    .getByRole('row')
    .filter({
      has: page.getByText('Deployment/trading-engine', { exact: true }),
    })
    .filter({ hasText: 'prod-east-a-trading' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('automated sync, self-heal');
  await expect(row).toContainText('trading-engine-release-7xk2p');
  // prod-east-b syncs automatically without self-heal, so healing may patch it.
  await expect(
    table.getByRole('row').filter({ hasText: 'prod-east-b' }).first(),
  ).toContainText('automated sync');
});
