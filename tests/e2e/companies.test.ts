// The national company identity in a real browser (small demo: Wuhan East Lake and a Zhongguancun
// incubator): a Wuhan tenant moves out and Zhongguancun admits it under a new name. The Torch Center
// finds the company by part of its old name, and by the start of its USCC, and sees both stays, each
// as its incubator recorded it; the Hubei department sees only the Wuhan stay. No console error and
// no failed request on the way.
import { describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, screenshot, signIn, signOut, watchProblems } from './steps';

const NEW_NAME = '中关村迁入光电科技（北京）有限公司';

interface Tenancy {
  id: string;
  name: string;
  uscc: string;
  companyId: string;
}

describe('company search in the browser', () => {
  const live = useLiveApp();

  it('finds a company that moved from Wuhan to Zhongguancun, with each stay as recorded, in scope', {
    timeout: 180_000,
  }, async () => {
    const base = live.server.url;
    const wuhan = await apiAs(base, 'manager.wuhan@torch.demo');
    const zgc = await apiAs(base, 'manager.zgc@torch.demo');
    const wuhanId = wuhan.user.incubatorIds[0]!;
    const zgcId = zgc.user.incubatorIds[0]!;
    const demoTenant = (await apiAs(base, 'tenant.wuhan@torch.demo')).user.tenantId;
    const listed = (await wuhan.call('GET', `/incubators/${wuhanId}/tenants?status=incubating`)).body as {
      items: Tenancy[];
    };
    const mover = listed.items.find((t) => t.id !== demoTenant)!;
    const exited = await wuhan.call('POST', `/tenants/${mover.id}/exit`, {
      exitedOn: '2025-06-30',
      reason: 'moved_out',
    });
    expect(exited.status, JSON.stringify(exited.body)).toBe(200);
    const full = (await wuhan.call('GET', `/tenants/${mover.id}`)).body as {
      foundedOn: string;
      field: string;
    };
    const admitted = await zgc.call('POST', `/incubators/${zgcId}/tenants`, {
      uscc: mover.uscc,
      name: NEW_NAME,
      field: full.field,
      foundedOn: full.foundedOn,
      admittedOn: '2025-09-01',
      admissionExceptionReason: '自武汉东湖迁入北京继续孵化',
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    const zgcTenancy = (admitted.body as { id: string }).id;

    const page = await live.browser.newPage();
    const problems = watchProblems(page);
    // The Torch Center: the sidebar's 企业查询, a hint until something is typed.
    await signIn(page, base, 'national@torch.demo');
    await page.getByTestId('nav-companies').click();
    await page.waitForURL(/\/companies$/);
    await expect.poll(() => page.getByTestId('empty-state').count()).toBeGreaterThan(0);
    // Part of the national record's name (now the one Zhongguancun recorded) finds the company.
    await page.getByTestId('company-search').fill('迁入光电');
    await expect.poll(() => page.getByTestId('company-row').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('company-row').textContent()).toContain(mover.uscc);
    // The start of the USCC finds it too.
    await page.getByTestId('company-search').fill(mover.uscc.slice(0, 14));
    await expect
      .poll(async () => (await page.getByTestId('company-row').allInnerTexts()).join('\n'), {
        timeout: 20_000,
      })
      .toContain(NEW_NAME);
    await page.getByTestId('company-row').filter({ hasText: NEW_NAME }).click();
    await page.waitForURL(new RegExp(`/companies/${mover.companyId}$`));
    await expect.poll(() => page.getByTestId('company-name').textContent()).toBe(NEW_NAME);
    const stays = page.getByTestId('company-tenancy');
    await expect.poll(() => stays.count(), { timeout: 20_000 }).toBe(2);
    const texts = await stays.allInnerTexts();
    // Latest admission first: Zhongguancun's stay under the new name, then Wuhan's under its own.
    expect(texts[0]).toContain(NEW_NAME);
    expect(texts[0]).toContain('2025-09-01');
    expect(texts[1]).toContain(mover.name);
    expect(texts[1]).toContain('2025-06-30');
    await screenshot(page, 'company-national');
    // Wuhan's stay opens Wuhan's tenant page, as Wuhan recorded it.
    await stays.nth(1).getByRole('link', { name: mover.name }).click();
    await page.waitForURL(new RegExp(`/tenants/${mover.id}$`));
    await signOut(page);

    // Hubei: the same company, only its stay in Hubei.
    await signIn(page, base, 'hubei@torch.demo');
    await page.goto(`${base}/companies?q=${encodeURIComponent(mover.uscc.slice(0, 14))}`);
    await page.getByTestId('company-row').filter({ hasText: mover.uscc }).click();
    await expect.poll(() => stays.count(), { timeout: 20_000 }).toBe(1);
    expect(await stays.textContent()).toContain(mover.name);
    expect(await stays.textContent()).not.toContain(NEW_NAME);
    expect(await page.getByRole('link', { name: NEW_NAME }).count()).toBe(0);
    await screenshot(page, 'company-province');
    expect(problems).toEqual([]);
    expect(zgcTenancy).not.toBe(mover.id);
  });
});
