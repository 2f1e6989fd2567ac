import { test, expect } from '@playwright/test';
import { signInAsGuest } from './signInAsGuest';

// Reads logs from the demo's Loki (the demo clusters read manifests and
// declare `loki.url`), through the side panel of the topology tab.

test('the side panel shows, searches and downloads the logs of a workload pod', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/trading-engine/topology');
  const node = page.getByRole('button', {
    name: /^trading-engine, workload in prod-east-a\/trading, /,
  });
  await expect(node).toBeAttached();
  await node.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('complementary', {
    name: 'Details of trading-engine',
  });
  await expect(panel).toBeVisible();

  await panel.getByRole('button', { name: 'Logs', exact: true }).click();
  const podField = panel.getByRole('button', { name: /^Pod/ });
  await expect(podField).toBeVisible();
  const pod = (await podField.textContent())!.replace(/^Pod/, '').trim();
  expect(pod).toMatch(/^trading-engine-/);

  const lines = panel.getByRole('list', { name: `Log lines of ${pod}` });
  await expect(lines.getByRole('listitem').first()).toBeVisible();
  await expect(panel.getByText('Read from Loki.')).toBeVisible();
  const total = await lines.getByRole('listitem').count();

  // Search for a word of the last line: it stays, highlighted.
  const last = (await lines.getByRole('listitem').last().textContent())!;
  const word = last
    .replace(/^\S+Z/, '')
    .split(/\W+/)
    .find(w => w.length >= 4)!;
  await panel.getByLabel('Search the lines').fill(word);
  await expect(lines.locator('mark').first()).toBeVisible();
  const shown = await lines.getByRole('listitem').count();
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThanOrEqual(total);

  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download' }).click();
  expect((await download).suggestedFilename()).toBe(`${pod}.log`);
});
