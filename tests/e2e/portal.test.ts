// The tenant portal and the review queue in a real browser: the company files its yearly report
// (refused inline when the head counts do not add up), the incubator's manager returns it with
// a comment, the company corrects and resubmits it, the manager approves it, and the company
// sees it approved. A tenfold jump since last year's approved report is flagged, not refused.
import { todayInChina, yearOf } from '@torch/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, rowsWhenCount, screenshot, signIn, signOut } from './steps';

const COMPANY = '武汉光谷芯微电子有限公司';
/** The year whose figures are filed now; the one before it is approved already (set up below). */
const YEAR = yearOf(todayInChina()) - 1;

describe('yearly reports in the browser', () => {
  const live = useLiveApp();

  /** Writes to reports the page sent (creating, editing, submitting, reviewing). */
  function recordReportWrites(page: Page): string[] {
    const writes: string[] = [];
    page.on('response', (response) => {
      const request = response.request();
      const path = new URL(request.url()).pathname;
      if (request.method() !== 'GET' && /\/reports/.test(path))
        writes.push(`${request.method()} ${response.status()}`);
    });
    return writes;
  }

  async function openReports(page: Page) {
    await signIn(page, live.server.url, 'tenant.wuhan@torch.demo');
    await page.waitForURL(/\/company$/);
    await expect.poll(() => page.getByTestId('tenant-name').textContent()).toBe(COMPANY);
    await page.getByTestId('tab-reports').click();
    await page.getByTestId('reports-table').or(page.getByTestId('empty-state')).waitFor();
  }

  const reportRow = (page: Page, year: number) =>
    page.locator(`[data-testid="report-row"][data-year="${year}"]`);

  it('files, returns, corrects, approves and shows a yearly report', async () => {
    // Last year's report, approved: the baseline for this year's tenfold-jump flags.
    const tenant = await apiAs(live.server.url, 'tenant.wuhan@torch.demo');
    const tenantId = tenant.user.tenantId!;
    const previous = await tenant.call('POST', `/tenants/${tenantId}/reports`, {
      year: YEAR - 1,
      revenue: 1_000_000,
      employees: 10,
      phdEmployees: 1,
    });
    expect(previous.status).toBe(201);
    const previousId = (previous.body as { id: string }).id;
    expect((await tenant.call('POST', `/reports/${previousId}/submit`)).status).toBe(200);
    const manager = await apiAs(live.server.url, 'manager.wuhan@torch.demo');
    expect((await manager.call('POST', `/reports/${previousId}/approve`)).status).toBe(200);

    // The company starts this year's report. Revenue is typed in 万元; the PhDs outnumber the staff.
    const page = await live.browser.newPage();
    const writes = recordReportWrites(page);
    await openReports(page);
    expect(
      await reportRow(page, YEAR - 1)
        .getByTestId('report-status')
        .textContent(),
    ).toBe('已通过');
    await page.getByTestId('new-report').click();
    await page.getByTestId('report-form').waitFor();
    await page.getByTestId('field-year').selectOption(String(YEAR));
    await page.getByTestId('field-revenue').fill('2000');
    expect(await page.locator('#field-revenue-hint').textContent()).toBe('= 20,000,000 元');
    await page.getByTestId('field-netProfit').fill('-35.5');
    await page.getByTestId('field-rdSpending').fill('300');
    await page.getByTestId('field-employees').fill('10');
    await page.getByTestId('field-phdEmployees').fill('12');
    await page.getByTestId('field-ipApplications').fill('1.5');
    await page.getByTestId('report-submit').click();
    expect(await page.getByTestId('error-phdEmployees').textContent()).toBe('不能超过从业人员总数');
    expect(await page.getByTestId('error-ipApplications').textContent()).toBe('请输入整数');
    await screenshot(page, 'portal-report-invalid');
    expect(writes).toEqual([]); // nothing was saved

    // Corrected: saved as a draft and submitted in one go.
    await page.getByTestId('field-phdEmployees').fill('2');
    await page.getByTestId('field-ipApplications').fill('3');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-view').waitFor();
    expect(writes).toEqual(['POST 201', 'POST 200']);
    expect(await page.getByTestId('flash').textContent()).toBe('年报已提交，等待孵化器审核。');
    expect(await reportRow(page, YEAR).getByTestId('report-status').textContent()).toBe('待审核');
    // Twenty times last year's revenue: flagged for the reviewer, not refused.
    expect(await page.getByTestId('report-flag').allTextContents()).toEqual([
      '营业收入：上年 100.00 万元 → 本年 2,000.00 万元（20 倍）',
    ]);
    await screenshot(page, 'portal-report-submitted');
    await signOut(page);

    // The manager finds it in the review queue and returns it with a comment.
    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await expect.poll(() => page.getByTestId('flag-reviews-count').textContent()).toBe('1');
    await page.getByTestId('nav-reviews').click();
    expect(await rowsWhenCount(page, 'review-row', 1)).toEqual([expect.stringContaining(COMPANY)]);
    expect(await page.getByTestId('review-flag-count').textContent()).toBe('1 项大幅变动');
    await screenshot(page, 'portal-review-queue');
    await page.getByTestId('review-row').click();
    await expect
      .poll(() => page.getByTestId('report-heading').textContent())
      .toBe(`${COMPANY} · ${YEAR} 年度报表`);
    expect(await page.getByTestId('figure-revenue').textContent()).toContain('2,000.00 万元');
    expect(await page.getByTestId('figure-netProfit').textContent()).toContain('-35.50 万元');
    expect(await page.getByTestId('report-flags').textContent()).toContain('营业收入');
    await page.getByTestId('return-report').click();
    expect(await page.getByTestId('error-comment').textContent()).toBe('必填');
    await page.getByTestId('field-comment').fill('营业收入较上年增长 20 倍，请核对后重新提交。');
    await screenshot(page, 'portal-review');
    await page.getByTestId('return-report').click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已退回');
    expect(await page.getByTestId('approve-report').count()).toBe(0);
    await signOut(page);

    // The company sees the comment, corrects the revenue and submits again.
    await openReports(page);
    const returned = reportRow(page, YEAR);
    expect(await returned.getByTestId('report-status').textContent()).toBe('已退回');
    await expect
      .poll(() => returned.getByTestId('report-comment').textContent())
      .toContain('营业收入较上年增长 20 倍，请核对后重新提交。');
    await returned.getByTestId('edit-report').click();
    expect(await page.getByTestId('report-return-comment').textContent()).toContain('请核对后重新提交');
    expect(await page.getByTestId('field-revenue').inputValue()).toBe('2000');
    await page.getByTestId('field-revenue').fill('200');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-view').waitFor();
    expect(writes.slice(-2)).toEqual(['PATCH 200', 'POST 200']);
    expect(await page.getByTestId('report-flags').count()).toBe(0); // 2× is no jump
    await signOut(page);

    // The manager approves it; the queue is empty again.
    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await page.getByTestId('nav-reviews').click();
    await rowsWhenCount(page, 'review-row', 1);
    await page.getByTestId('review-row').click();
    await page.getByTestId('approve-report').click();
    await expect.poll(() => page.getByTestId('report-status').textContent()).toBe('已通过');
    expect(await page.getByTestId('flash').textContent()).toBe('年报已审核通过。');
    await page.getByTestId('nav-reviews').click();
    await rowsWhenCount(page, 'review-row', 0);
    expect(await page.getByTestId('empty-state').textContent()).toBe('没有待审核的年报。');
    await signOut(page);

    // The company sees it approved, with its history on the timeline; in English too.
    await openReports(page);
    expect(await reportRow(page, YEAR).getByTestId('report-status').textContent()).toBe('已通过');
    expect(await reportRow(page, YEAR).getByTestId('edit-report').count()).toBe(0);
    // The report keeps only its last review; the comment it was returned with stays in its history.
    await expect
      .poll(() => reportRow(page, YEAR).getByTestId('report-comment').textContent())
      .toContain('请核对后重新提交');
    await page.getByTestId('tab-overview').click();
    const kinds = () =>
      page
        .getByTestId('timeline-event')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-kind')));
    await expect
      .poll(async () => (await kinds()).slice(-4))
      .toEqual(['report_submitted', 'report_returned', 'report_submitted', 'report_approved']);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('tab-reports').click();
    expect(await reportRow(page, YEAR).getByTestId('report-status').textContent()).toBe('Approved');
    await screenshot(page, 'portal-approved-english');
    await page.getByTestId('lang-zh').click();
    await signOut(page);
    expect(live.browser.errors).toEqual([]);
  });
});
