// The other roles in a real browser: national and province read incubators (scoped by the API),
// and a tenant user edits its own profile, including the stale-version conflict.
import { describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, rowsWhenCount, screenshot, signIn, signOut } from './steps';

describe('national, province and tenant users in the browser', () => {
  const live = useLiveApp();

  it('national sees every incubator, filters by province and opens one read-only', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'national@torch.demo');
    await page.waitForURL(/\/incubators$/);
    await rowsWhenCount(page, 'incubator-row', 2);
    await page.getByTestId('incubator-province-filter').selectOption('420000');
    expect(await rowsWhenCount(page, 'incubator-row', 1)).toEqual([
      expect.stringContaining('武汉东湖新技术创业中心'),
    ]);
    await screenshot(page, 'national-incubators');

    await page.getByTestId('incubator-row').click();
    await expect.poll(() => page.getByTestId('incubator-name').textContent()).toBe('武汉东湖新技术创业中心');
    await rowsWhenCount(page, 'tenant-row', 7);
    expect(await page.getByTestId('admit-tenant').count()).toBe(0);

    await page.getByTestId('tenant-row').first().click();
    await page.getByTestId('tenant-facts').waitFor();
    expect(await page.getByTestId('edit-tenant').count()).toBe(0);
    await signOut(page);
  });

  it('a province user sees only its own province', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'hubei@torch.demo');
    expect(await rowsWhenCount(page, 'incubator-row', 1)).toEqual([
      expect.stringContaining('武汉东湖新技术创业中心'),
    ]);
    expect(await page.getByTestId('incubator-province-filter').count()).toBe(0);
    await signOut(page);
  });

  it('a tenant user edits its profile only, and is told when someone else changed it first', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'tenant.wuhan@torch.demo');
    await page.waitForURL(/\/company$/);
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe('武汉光谷芯微电子有限公司');

    await page.getByTestId('edit-tenant').click();
    await page.getByTestId('tenant-edit-form').waitFor();
    expect(await page.getByTestId('field-foundedOn').count()).toBe(0); // a field the incubator verifies
    expect(await page.getByTestId('field-admittedOn').count()).toBe(0);

    // The shared schema refuses a malformed website before anything is sent.
    await page.getByTestId('field-website').fill('not a website');
    await page.getByTestId('edit-submit').click();
    expect(await page.getByTestId('error-website').textContent()).toBe(
      '请输入完整网址，如 https://example.com',
    );

    // Meanwhile the incubator's manager edits the same company: the form's version is now stale.
    const manager = await apiAs(live.server.url, 'manager.wuhan@torch.demo');
    const list = await manager.call(
      'GET',
      `/incubators/${manager.user.incubatorIds[0]}/tenants?q=${encodeURIComponent('光谷芯微')}`,
    );
    const tenant = (list.body as { items: { id: string; version: number }[] }).items[0]!;
    const managerEdit = await manager.call('PATCH', `/tenants/${tenant.id}`, {
      version: tenant.version,
      areaOccupied: 222,
    });
    expect(managerEdit.status).toBe(200);

    await page.getByTestId('field-website').fill('https://chip.example.cn');
    await page.getByTestId('field-contactPhone').fill('027-8888 6666');
    await page.getByTestId('edit-submit').click();
    await page.getByTestId('stale-alert').waitFor();
    await screenshot(page, 'tenant-stale');

    // Reload takes the new version; saving again works.
    await page.getByTestId('stale-reload').click();
    await page.getByTestId('stale-alert').waitFor({ state: 'detached' });
    await page.getByTestId('field-contactPhone').fill('027-8888 6666');
    await page.getByTestId('edit-submit').click();
    await page.getByTestId('flash').waitFor();
    const facts = await page.getByTestId('tenant-facts').textContent();
    expect(facts).toContain('027-8888 6666');
    expect(facts).toContain('222 m²'); // the manager's change survived
    await signOut(page);
    expect(live.browser.errors).toEqual([]);
  });
});
