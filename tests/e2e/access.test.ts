// People and access in a real browser: the Wuhan manager invites a tenant company's user from the
// tenant's page; the link opens in a fresh browser; the user sets a password, lands on its company
// and edits its website; the manager disables the user, whose next action lands on sign-in.
// No console error on any page before that (after it, only the refused 401s of the ended session).
import { describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from '../helpers/browser';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, screenshot, signIn, watchProblems } from './steps';

const NEW_USER = 'new.user@wuhan-company.cn';
const NEW_PASSWORD = 'Maple-Quartz-Harbor-58';

describe('invitations in the browser', () => {
  const live = useLiveApp();

  it('a manager invites a company user, who signs up, edits, and is shut out when disabled', {
    timeout: 180_000,
  }, async () => {
    const base = live.server.url;
    const manager = await apiAs(base, 'manager.wuhan@torch.demo');
    const wuhanId = manager.user.incubatorIds[0]!;
    const tenants = (await manager.call('GET', `/incubators/${wuhanId}/tenants?status=incubating`)).body as {
      items: { id: string; name: string; companyId: string }[];
    };
    const demoTenant = (await apiAs(base, 'tenant.wuhan@torch.demo')).user.tenantId;
    const tenant = tenants.items.find((t) => t.id !== demoTenant)!;

    // The manager, on the tenant's page.
    const page = await live.browser.newPage();
    const managerProblems = watchProblems(page);
    try {
      await signIn(page, base, 'manager.wuhan@torch.demo');
    } catch (e) {
      await screenshot(page, 'debug');
      console.log('DEBUG', page.url(), managerProblems, live.browser.errors);
      throw e;
    }
    await page.goto(`${base}/tenants/${tenant.id}`);
    await page.getByTestId('invite-company-user').click();
    await page.getByTestId('field-name').fill('新用户');
    await page.getByTestId('field-email').fill(NEW_USER);
    await page.getByTestId('invite-submit').click();
    const url = await page.getByTestId('invitation-url').inputValue();
    expect(url).toMatch(new RegExp(`^${base}/invite/[A-Za-z0-9_-]{40,}$`));
    await screenshot(page, 'access-invite-link');
    await page.getByTestId('invite-done').click();
    await page.getByTestId(`invitation-${NEW_USER}`).waitFor();

    // The invited person, in a browser of its own.
    const other: Browser = await launchBrowser();
    try {
      const userPage = await other.newPage();
      const userProblems = watchProblems(userPage);
      await userPage.goto(url);
      await userPage.getByTestId('lang-zh').click();
      const summary = await userPage.getByTestId('invite-summary').textContent();
      expect(summary).toContain(NEW_USER);
      expect(summary).toContain(tenant.name);
      await screenshot(userPage, 'access-accept-zh');
      await userPage.getByTestId('lang-en').click();
      await screenshot(userPage, 'access-accept-en');
      await userPage.getByTestId('lang-zh').click();
      // A common password is refused by the API, with the reason under the field.
      await userPage.getByTestId('field-password').fill('password1234');
      await userPage.getByTestId('field-confirm').fill('password1234');
      await userPage.getByTestId('accept-submit').click();
      await userPage.getByTestId('error-password').waitFor();
      userProblems.splice(0); // that refusal (400) was the point
      await userPage.getByTestId('field-password').fill(NEW_PASSWORD);
      await userPage.getByTestId('field-confirm').fill(NEW_PASSWORD);
      await userPage.getByTestId('accept-submit').click();
      await userPage.waitForURL(/\/company$/);
      await expect.poll(() => userPage.getByTestId('tenant-name').textContent()).toBe(tenant.name);

      await userPage.getByTestId('edit-tenant').click();
      await userPage.getByTestId('field-website').fill('https://new-user.example.cn');
      await userPage.getByTestId('edit-submit').click();
      await userPage.getByTestId('flash').waitFor();
      await screenshot(userPage, 'access-company-edited');
      expect(userProblems).toEqual([]);

      // The manager sees the account and disables it.
      await page.reload();
      const row = page.getByTestId(`user-${NEW_USER}`);
      await row.waitFor();
      await row.getByTestId('disable-user').click();
      await expect.poll(() => row.getByTestId('user-status').textContent()).toBe('已停用');
      await screenshot(page, 'access-disabled');

      // The manager's other account pages, and the statistics' charts, under the CSP.
      await page.getByTestId('nav-users').click();
      await page.getByTestId(`user-${NEW_USER}`).waitFor();
      await page.getByTestId('lang-en').click();
      await screenshot(page, 'access-users-en');
      await page.getByTestId('lang-zh').click();
      await page.getByTestId('change-password').click();
      await page.getByTestId('password-submit').waitFor();
      await page.getByTestId('nav-stats').click();
      await page.locator('.recharts-surface').first().waitFor();
      expect(managerProblems).toEqual([]);

      // The user's next action: the session is over.
      await userPage.getByTestId('edit-tenant').click();
      await userPage.getByTestId('field-website').fill('https://after-disable.example.cn');
      await userPage.getByTestId('edit-submit').click();
      await userPage.waitForURL(/\/sign-in$/);
      expect(userProblems.every((p) => p.startsWith('401:') || p.includes('401'))).toBe(true);
    } finally {
      await other.close();
    }
    const website = (await manager.call('GET', `/tenants/${tenant.id}`)).body as { website: string | null };
    expect(website.website).toBe('https://new-user.example.cn');
  });

  it('a province user invites a manager of one of its incubators from the users page', async () => {
    const page = await live.browser.newPage();
    const problems = watchProblems(page);
    await signIn(page, live.server.url, 'hubei@torch.demo');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('invite-user').click();
    await page.getByTestId('field-name').fill('新管理员');
    await page.getByTestId('field-email').fill('new.manager@wuhan-incubator.cn');
    const options = page.getByTestId('field-incubatorId').locator('option');
    await expect.poll(() => options.count()).toBeGreaterThan(1);
    await page.getByTestId('field-incubatorId').selectOption({ index: 1 });
    await page.getByTestId('invite-submit').click();
    expect(await page.getByTestId('invitation-url').inputValue()).toContain('/invite/');
    await screenshot(page, 'access-province-invite');
    await page.getByTestId('invite-done').click();
    await page.getByTestId('invitation-new.manager@wuhan-incubator.cn').waitFor();
    expect(problems).toEqual([]);
  });
});
