// The annual return's journey in three browsers at once: the Wuhan manager explains a warning and
// submits, the Hubei reviewer returns it with a comment on one figure, the manager fixes and
// resubmits, Hubei approves, the Torch Center accepts — and the figure is official on its
// statistics page.
import { describe, expect, it } from 'vitest';
import { type Browser, launchBrowser } from '../helpers/browser';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, screenshot, signIn } from './steps';

const YEAR = 2025;

describe('annual return in three browsers', () => {
  const live = useLiveApp();

  it('is filed, returned, fixed, approved, accepted and shows as official', async () => {
    const base = live.server.url;
    const manager = await apiAs(base, 'manager.wuhan@torch.demo');
    const hubei = await apiAs(base, 'hubei@torch.demo');
    const national = await apiAs(base, 'national@torch.demo');
    const wuhan = manager.user.incubatorIds[0]!;
    const path = `/incubators/${wuhan}/returns`;

    // Last year's return, accepted: the baseline this year's is compared with.
    const last = (await manager.call('GET', `${path}/${YEAR - 1}`)).body as {
      figures: Record<string, number>;
    };
    const figures = {
      ...last.figures,
      incomeServices: 1_000_000,
      incomeProperty: 0,
      incomeInvestment: 0,
      incomeOther: 0,
      incomeTotal: 1_000_000,
    };
    expect((await manager.call('PUT', `${path}/${YEAR - 1}`, { version: 0, figures })).status).toBe(200);
    expect((await manager.call('POST', `${path}/${YEAR - 1}/submit`)).status).toBe(200);
    expect((await hubei.call('POST', `${path}/${YEAR - 1}/approve`)).status).toBe(200);
    expect((await national.call('POST', `${path}/${YEAR - 1}/accept`)).status).toBe(200);

    const others: Browser[] = [await launchBrowser(), await launchBrowser()];
    try {
      const [hubeiBrowser, nationalBrowser] = others as [Browser, Browser];
      const m = await live.browser.newPage();
      const h = await hubeiBrowser.newPage();
      const n = await nationalBrowser.newPage();

      // The manager: the reminder on the home page leads to the return.
      await signIn(m, base, 'manager.wuhan@torch.demo');
      await m.getByTestId('return-reminder').waitFor();
      await m.getByTestId('return-reminder-link').click();
      await m.getByTestId('return-figures').waitFor();
      await m.getByTestId('input-incomeServices').fill('2000');
      await m.getByTestId('input-incomeProperty').fill('0');
      await m.getByTestId('input-incomeInvestment').fill('0');
      await m.getByTestId('input-incomeOther').fill('0');
      await m.getByTestId('input-incomeTotal').fill('2000');
      await m.getByTestId('return-save').click();
      const explain = m.getByTestId('explain-year_on_year:figures.incomeServices');
      await explain.waitFor();
      // Unexplained warnings: submission is refused and says why.
      await m.getByTestId('return-submit').click();
      await m.getByTestId('return-message').waitFor();
      await explain.fill('新签大型孵化服务合同');
      await m.getByTestId('explain-year_on_year:figures.incomeTotal').fill('同上');
      await screenshot(m, 'return-manager-explained');
      await m.getByTestId('return-submit').click();
      await expect.poll(() => m.getByTestId('return-status').textContent()).toBe('已报送（待省级审核）');

      // Hubei: finds it in the queue and returns it with a comment on the tenant-use area.
      await signIn(h, base, 'hubei@torch.demo');
      await h.getByTestId('nav-returns').click();
      await h.getByTestId('returns-status').selectOption('submitted');
      await h.getByTestId('returns-queue-row').first().getByRole('link').click();
      await h.getByTestId('return-return').click();
      await h.getByTestId('comment-tenantArea').fill('在孵面积与上年不一致，请核实');
      await h.getByTestId('return-comment').fill('请核实后重新报送');
      await screenshot(h, 'return-hubei-returning');
      await h.getByTestId('return-confirm').click();
      await expect.poll(() => h.getByTestId('return-status').textContent()).toBe('已退回修改');

      // The manager sees the field comment, fixes the figure and resubmits; the change is listed.
      await m.reload();
      await expect
        .poll(() => m.getByTestId('figure-tenantArea').getByTestId('field-comment').textContent())
        .toBe('在孵面积与上年不一致，请核实');
      const area = m.getByTestId('input-tenantArea');
      const before = Number(await area.inputValue());
      await area.fill(String(before - 100));
      await m.getByTestId('return-save').click();
      await expect.poll(() => m.getByTestId('return-change').count()).toBe(1);
      await m.getByTestId('return-submit').click();
      await expect.poll(() => m.getByTestId('return-status').textContent()).toBe('已报送（待省级审核）');

      // Hubei approves; the Torch Center accepts.
      await h.reload();
      await h.getByTestId('return-approve').click();
      await expect
        .poll(() => h.getByTestId('return-status').textContent())
        .toBe('省级已审核（待火炬中心受理）');
      await signIn(n, base, 'national@torch.demo');
      await n.goto(`${base}/returns?year=${YEAR}&status=approved`);
      await n.getByTestId('returns-queue-row').first().getByRole('link').click();
      await n.getByTestId('return-accept').click();
      await expect.poll(() => n.getByTestId('return-status').textContent()).toBe('火炬中心已受理');
      await screenshot(n, 'return-national-accepted');

      // Official on the national statistics page, beside the live figure.
      const accepted = (await national.call('GET', `${path}/${YEAR}`)).body as {
        computed: { tenantsIncubating: number };
      };
      await n.goto(`${base}/stats?year=${YEAR}`);
      const row = n.getByTestId('stats-compare-tenantsIncubating');
      await expect
        .poll(() => row.getByTestId('compare-official').textContent())
        .toBe(accepted.computed.tenantsIncubating.toLocaleString('zh-CN'));
      expect(await n.getByTestId('stats-compare-caption').textContent()).toContain('1 /');
      await screenshot(n, 'return-national-stats');
      await n.getByTestId('lang-en').click();
      await n.getByTestId('stats-compare').waitFor();
      await screenshot(n, 'return-national-stats-en');
      expect(live.browser.errors.concat(hubeiBrowser.errors, nationalBrowser.errors)).toEqual([]);
    } finally {
      for (const b of others) await b.close();
    }
  }, 240_000);
});
