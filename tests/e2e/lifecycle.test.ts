// A tenant's life in a real browser against the real server, as the incubator's manager lives
// it: the dashboard, an investment refused over the parallel-investment cap and one recorded,
// the graduation dialog (what the records prove, evidence for what they do not), an exit, and
// mentors. Read-only roles see the same pages without the actions.
import { describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { rowsWhenCount, screenshot, signIn, signOut } from './steps';

/** Incubating small-demo tenants of Wuhan: one graduates, one leaves, one gets a mentor. */
const TO_GRADUATE = '武汉东湖激光装备有限公司';
const TO_EXIT = '武汉楚天生物医药科技有限公司';
const TO_MENTOR = '武汉光谷芯微电子有限公司';

describe('tenant lifecycle in the browser', () => {
  const live = useLiveApp();

  it('records an investment, refuses one over the cap, and graduates the tenant through the dialog', async () => {
    const page = await live.browser.newPage();
    const writes: string[] = [];
    page.on('response', (response) => {
      const request = response.request();
      const path = new URL(request.url()).pathname;
      if (request.method() === 'POST' && path.startsWith('/api/v1/tenants/'))
        writes.push(`${path} ${response.status()}`);
    });

    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await expect.poll(() => page.getByTestId('kpi-graduated-value').textContent()).toBe('1');
    expect(await page.getByTestId('kpi-incubating-value').textContent()).toBe('5');
    expect(await page.getByTestId('flag-overdue-count').textContent()).toBe('2');
    await screenshot(page, 'lifecycle-dashboard');

    // The overdue flag opens the tenants list filtered to the overdue ones.
    await page.getByTestId('flag-overdue-link').click();
    await page.waitForURL(/overdue=true/);
    await rowsWhenCount(page, 'tenant-row', 2);
    // A click, not uncheck(): the box follows the URL, which changes a moment after the click.
    await page.getByTestId('tenant-overdue-filter').click();
    await rowsWhenCount(page, 'tenant-row', 7);

    await page.getByTestId('tenant-row').filter({ hasText: TO_GRADUATE }).click();
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(TO_GRADUATE);
    await page.getByTestId('tab-investments').click();
    await page.getByTestId('add-investment').click();

    // A parallel investment over half the co-investing VC's amount: refused before it is sent.
    await page.getByTestId('field-instrument').selectOption('parallel_investment');
    expect(await page.getByTestId('field-investorKind').inputValue()).toBe('government_grant');
    await page.getByTestId('field-coInvestingVcAmount').fill('600');
    expect(await page.getByTestId('parallel-cap-hint').textContent()).toContain('300.00 万元');
    await page.getByTestId('field-amount').fill('400');
    await page.getByTestId('investment-submit').click();
    expect(await page.getByTestId('error-amount').textContent()).toBe(
      '超过跟进投资上限（创投股权投资额的 50%，且不超过 300 万元）',
    );
    // Errors follow the typing once shown: within the cap, the error goes.
    await page.getByTestId('field-amount').fill('300');
    await page.getByTestId('error-amount').waitFor({ state: 'detached' });
    await screenshot(page, 'lifecycle-investment-cap');
    expect(writes).toEqual([]);

    // An angel investment of 600 万元: recorded, listed and totalled.
    await page.getByTestId('field-instrument').selectOption('equity');
    await page.getByTestId('field-investorKind').selectOption('angel');
    await page.getByTestId('field-investorName').fill('光谷天使基金');
    await page.getByTestId('field-amount').fill('600');
    expect(await page.locator('#field-amount-hint').textContent()).toBe('= 6,000,000 元');
    await page.getByTestId('field-round').fill('天使轮');
    await page.getByTestId('field-equityShare').fill('12.5');
    await page.getByTestId('investment-submit').click();
    await page.getByTestId('record-saved').waitFor();
    expect(await rowsWhenCount(page, 'investment-row', 1)).toEqual([expect.stringContaining('光谷天使基金')]);
    expect(await page.getByTestId('investment-total').textContent()).toBe('600.00 万元');
    expect(writes).toEqual([expect.stringMatching(/\/investments 201$/)]);

    // The graduation dialog: the investment criterion is proven by the records, and chosen.
    await page.getByTestId('graduate-tenant').click();
    const dialog = page.getByTestId('graduation-dialog');
    await dialog.waitFor();
    await expect
      .poll(() => dialog.getByTestId('criterion-investment_over_5m-proven').textContent())
      .toBe('记录已证明');
    expect(await dialog.getByTestId('criterion-investment_over_5m-reason').textContent()).toBe(
      '累计天使及创业投资 600.00 万元，须超过 500.00 万元',
    );
    expect(await dialog.getByTestId('criterion-high_tech_enterprise-proven').textContent()).toBe(
      '记录未证明',
    );
    expect(await dialog.getByTestId('pick-investment_over_5m').isChecked()).toBe(true);

    // Claiming an unproven criterion asks for evidence (shared rule), before anything is sent.
    await dialog.getByTestId('pick-high_tech_enterprise').check();
    await dialog.getByTestId('field-evidence').waitFor();
    await dialog.getByTestId('graduation-confirm').click();
    expect(await dialog.getByTestId('error-evidence').textContent()).toBe(
      '所选条件未被记录证明，须填写证明材料说明',
    );
    await screenshot(page, 'lifecycle-graduation-dialog');
    await dialog.getByTestId('pick-high_tech_enterprise').uncheck();
    await dialog.getByTestId('field-evidence').waitFor({ state: 'detached' });
    expect(writes).toHaveLength(1);

    await dialog.getByTestId('graduation-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    expect(writes.at(-1)).toMatch(/\/graduation 200$/);
    await expect.poll(() => page.getByTestId('tenant-status').textContent()).toBe('已毕业');
    expect(await page.getByTestId('flash').textContent()).toBe('已办理毕业。');
    expect(await page.getByTestId('graduate-tenant').count()).toBe(0);
    expect(await page.getByTestId('exit-tenant').count()).toBe(0);
    expect(await page.getByTestId('tenant-facts').textContent()).toContain('累计获投资超 500 万元');

    // The timeline tells the story in order: admitted, the investment, the graduation.
    const events = page.getByTestId('timeline-event');
    await expect.poll(() => events.count()).toBe(3);
    expect(await events.evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')))).toEqual([
      'admitted',
      'investment',
      'graduated',
    ]);
    expect(await events.last().textContent()).toContain('毕业条件：累计获投资超 500 万元');
    await screenshot(page, 'lifecycle-graduated');

    // Graduates stay tracked: a later listing is recorded under the same tenancy.
    await page.getByTestId('tab-listings').click();
    await page.getByTestId('add-listing').click();
    await page.getByTestId('field-exchange').selectOption('sse_star');
    await page.getByTestId('field-ticker').fill('688 001');
    await page.getByTestId('field-amountRaised').fill('12000');
    await page.getByTestId('listing-submit').click();
    expect(await page.getByTestId('error-ticker').textContent()).toBe(
      '证券代码只能包含字母、数字、点和短横线，最多 12 位',
    );
    await page.getByTestId('field-ticker').fill('688001');
    await page.getByTestId('listing-submit').click();
    expect(await page.getByTestId('record-saved').textContent()).toBe('上市挂牌已记录。');
    expect(await rowsWhenCount(page, 'listing-row', 1)).toEqual([expect.stringContaining('上交所科创板')]);
    expect(await page.getByTestId('listing-row').textContent()).toContain('12,000.00 万元');

    // The dashboard counts it all.
    await page.getByTestId('nav-my-incubator').click();
    await expect.poll(() => page.getByTestId('kpi-graduated-value').textContent()).toBe('2');
    expect(await page.getByTestId('kpi-incubating-value').textContent()).toBe('4');
    expect(await page.getByTestId('kpi-investment-value').textContent()).toBe('600.00 万元');
    expect(await page.getByTestId('kpi-listed-value').textContent()).toBe('1');
    await signOut(page);
    expect(live.browser.errors).toEqual([]);
  });

  it('records an exit, adds a mentor and assigns a tenant to them', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await page.getByTestId('tenant-row').filter({ hasText: TO_EXIT }).click();
    await page.getByTestId('exit-tenant').click();
    const dialog = page.getByTestId('exit-dialog');
    await dialog.getByTestId('exit-confirm').click();
    expect(await dialog.getByTestId('error-reason').textContent()).toBe('必填');
    await dialog.getByTestId('field-reason').selectOption('moved_out');
    await dialog.getByTestId('field-note').fill('迁往光谷生物城');
    await dialog.getByTestId('exit-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('tenant-status').textContent()).toBe('已退出');
    expect(await page.getByTestId('graduate-tenant').count()).toBe(0);
    await expect.poll(() => page.getByTestId('timeline-event').last().textContent()).toContain('迁出');

    // Mentors: the shared schema refuses a malformed e-mail; then the mentor is added.
    await page.getByTestId('nav-mentors').click();
    await page.getByTestId('add-mentor').click();
    await page.getByTestId('field-name').fill('李明教授');
    await page.getByTestId('field-title').fill('华中科技大学教授');
    await page.getByTestId('field-expertise').fill('激光与光电子');
    await page.getByTestId('field-email').fill('not an email');
    await page.getByTestId('mentor-submit').click();
    expect(await page.getByTestId('error-email').textContent()).toBe('请输入有效的邮箱地址');
    await page.getByTestId('field-email').fill('li.ming@example.cn');
    await page.getByTestId('mentor-submit').click();
    await page.getByTestId('flash').waitFor();
    await rowsWhenCount(page, 'mentor-row', 1);

    // Only incubating tenants can be assigned; the exited one is not offered.
    await page.getByTestId('assign-mentor').click();
    const offered = page.getByTestId('field-tenantId').locator('option');
    await expect.poll(() => offered.allTextContents()).toContain(TO_MENTOR);
    expect(await offered.allTextContents()).not.toContain(TO_EXIT);
    await page.getByTestId('field-tenantId').selectOption({ label: TO_MENTOR });
    await page.getByTestId('assign-submit').click();
    await expect.poll(() => page.getByTestId('mentor-tenants').textContent()).toContain(TO_MENTOR);
    await screenshot(page, 'lifecycle-mentors');

    // The mentoring shows on the tenant's timeline.
    await page.getByTestId('mentor-tenants').getByRole('link', { name: TO_MENTOR }).click();
    await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('导师：李明教授');
    await signOut(page);
    expect(live.browser.errors).toEqual([]);
  });

  it('shows the national reviewer the same tenant pages without any action', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'national@torch.demo');
    await page.getByTestId('incubator-row').filter({ hasText: '武汉' }).click();
    await page.getByTestId('dashboard').waitFor();
    expect(await page.getByTestId('flag-reviews-link').count()).toBe(0);
    await page.getByTestId('tenant-row').filter({ hasText: TO_MENTOR }).click();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('graduate-tenant').count()).toBe(0);
    expect(await page.getByTestId('exit-tenant').count()).toBe(0);
    await page.getByTestId('tab-investments').click();
    await page.getByTestId('investment-totals').waitFor();
    expect(await page.getByTestId('add-investment').count()).toBe(0);
    await page.getByTestId('tab-listings').click();
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('add-listing').count()).toBe(0);
    await signOut(page);
    expect(live.browser.errors).toEqual([]);
  });
});
