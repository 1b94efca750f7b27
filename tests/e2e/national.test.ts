// The Torch Center's statistics in a real browser against the real server (small demo: two
// incubators): the national total, the drill-down nation → Hubei → Wuhan East Lake and its tenants,
// the official source's "nothing accepted yet", and the XLSX export checked against the page's tile
// and against an independent count through the API. Then what a province and a manager see.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInChina, yearOf } from '@torch/shared';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { apiAs, rowsWhenCount, screenshot, signIn, signOut } from './steps';

const HUBEI = '420000';
const WUHAN = '武汉东湖新技术创业中心';
const WUHAN_TENANTS = 7;
const LAST_FULL_YEAR = yearOf(todayInChina()) - 1;
/** The server shares the machine with other suites: give answers time to arrive. */
const SETTLE = { timeout: 20_000 };
/** Many steps in one story: longer than the project's default per test. */
const STORY_MS = 180_000;

interface Listed {
  items: { id: string; name: string }[];
  total: number;
}

/** GETs as an outside client with its own token: the body of a 200. */
async function readerAs(baseUrl: string, email: string) {
  const { call } = await apiAs(baseUrl, email);
  return async <T>(path: string): Promise<T> => {
    const answer = await call('GET', path);
    expect(answer.status, path).toBe(200);
    return answer.body as T;
  };
}

/** Tenants incubating now, counted tenant list by tenant list: nothing to do with the statistics code. */
async function incubatingByIncubator(get: <T>(path: string) => Promise<T>) {
  const incubators = await get<Listed>('/incubators?pageSize=200');
  const counts = new Map<string, number>();
  for (const incubator of incubators.items) {
    const tenants = await get<Listed>(`/incubators/${incubator.id}/tenants?status=incubating&pageSize=1`);
    counts.set(incubator.name, tenants.total);
  }
  return counts;
}

const numberIn = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

/** A tile's number once the summary for the current view has arrived (not the previous one dimmed). */
async function settledTile(page: Page, indicator: string): Promise<string> {
  await expect
    .poll(() => page.getByTestId('stats-tiles').getAttribute('class'), SETTLE)
    .not.toContain('stale');
  return (await page.getByTestId(`stats-tile-${indicator}-value`).textContent()) ?? '';
}

/** The 合计 row's value in the column headed `heading` of one sheet of the yearbook workbook. */
function totalCell(sheet: ExcelJS.Worksheet, groupHeading: string, heading: string): unknown {
  let headerRow: ExcelJS.Row | undefined;
  let totalRow: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === groupHeading) headerRow = row;
    if (row.getCell(1).value === '合计') totalRow = row;
  });
  expect(headerRow, 'header row').toBeDefined();
  expect(totalRow, '合计 row').toBeDefined();
  let column = 0;
  headerRow!.eachCell((cell, index) => {
    if (cell.value === heading) column = index;
  });
  expect(column, `column ${heading}`).toBeGreaterThan(0);
  return totalRow!.getCell(column).value;
}

describe('national statistics in the browser', { timeout: STORY_MS }, () => {
  const live = useLiveApp();
  let downloads: string;

  beforeAll(() => {
    downloads = mkdtempSync(join(tmpdir(), 'torch-e2e-downloads-'));
  });

  afterAll(() => {
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('shows the national total, drills down to an incubator and exports a matching yearbook', async () => {
    const counted = await incubatingByIncubator(await readerAs(live.server.url, 'national@torch.demo'));
    const countedTotal = [...counted.values()].reduce((a, b) => a + b, 0);
    expect(counted.size).toBe(2);

    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'national@torch.demo');
    await page.getByTestId('nav-stats').click();
    await page.waitForURL(/\/stats$/);

    // The national view: last full year, live source, grouped by province, 合计 at the bottom.
    expect(await page.getByTestId('stats-year').inputValue()).toBe(String(LAST_FULL_YEAR));
    expect(await page.getByTestId('stats-heading').textContent()).toBe('全国科技企业孵化器统计');
    expect(await page.getByTestId('stats-trail').textContent()).toBe('全国');
    const nationalTile = await settledTile(page, 'tenantsIncubating');
    expect(await settledTile(page, 'incubators')).toBe('2');
    const totalRow = page.getByTestId('stats-total-row');
    expect(await totalRow.locator('th').textContent()).toBe('合计');
    expect(await page.getByTestId('stats-total-tenantsIncubating').textContent()).toBe(nationalTile);
    expect(await page.getByTestId('stats-row-420000').locator('th').textContent()).toBe('湖北省');
    // Both charts drew: the bars by province and the line over the years.
    await page.getByTestId('stats-group-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('stats-timeseries').locator('.recharts-line').waitFor();
    await screenshot(page, 'national-stats');

    // Official: the API's explicit "no accepted returns" — and not a single number on the page.
    await page.getByTestId('stats-source-official').click();
    await page.getByTestId('stats-official-unavailable').waitFor();
    await page.getByTestId('stats-timeseries-unavailable').waitFor();
    expect(await page.getByTestId('stats-tiles').count()).toBe(0);
    expect(await page.getByTestId('stats-table').count()).toBe(0);
    expect(await page.getByTestId('stats-export-xlsx').isDisabled()).toBe(true);
    expect(await page.getByTestId('stats-caption').textContent()).toContain('官方数据（已受理年报）');
    await screenshot(page, 'national-stats-official');
    await page.getByTestId('stats-source-live').click();
    expect(await settledTile(page, 'tenantsIncubating')).toBe(nationalTile);

    // Nation → Hubei: the summary filtered to the province, and its incubators.
    await page.getByTestId(`stats-drill-${HUBEI}`).click();
    await page.waitForURL(/province=420000/);
    await expect.poll(() => page.getByTestId('stats-trail').textContent(), SETTLE).toBe('全国 › 湖北省');
    expect(await page.getByTestId('stats-heading').textContent()).toBe('湖北省科技企业孵化器统计');
    await expect.poll(() => settledTile(page, 'tenantsIncubating'), SETTLE).toBe(String(counted.get(WUHAN)));
    expect(await settledTile(page, 'incubators')).toBe('1');
    expect(await rowsWhenCount(page, 'stats-incubator-row', 1)).toEqual([expect.stringContaining(WUHAN)]);
    // The drill-down lives in the URL: a reload stays in Hubei.
    await page.reload();
    await expect.poll(() => page.getByTestId('stats-trail').textContent(), SETTLE).toBe('全国 › 湖北省');
    await rowsWhenCount(page, 'stats-incubator-row', 1);
    await screenshot(page, 'national-stats-hubei');

    // Hubei → Wuhan East Lake: the incubator's own page with its tenants.
    await page.getByTestId('stats-incubator-link').click();
    await page.waitForURL(/\/incubators\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('incubator-name').textContent(), SETTLE).toBe(WUHAN);
    await expect
      .poll(() => page.getByTestId('stats-trail').textContent(), SETTLE)
      .toBe(`全国 › 湖北省 › ${WUHAN}`);
    await rowsWhenCount(page, 'tenant-row', WUHAN_TENANTS);
    await screenshot(page, 'national-stats-incubator');

    // Back, back: Hubei, then the nation, as they were.
    await page.goBack();
    await expect.poll(() => page.url(), SETTLE).toMatch(/\/stats\?province=420000$/);
    await rowsWhenCount(page, 'stats-incubator-row', 1);
    await page.goBack();
    await expect.poll(() => page.url(), SETTLE).toMatch(/\/stats$/);
    expect(await page.getByTestId('stats-trail').textContent()).toBe('全国');
    expect(await settledTile(page, 'tenantsIncubating')).toBe(nationalTile);

    // Columns sort (second click: descending), in the URL; the 合计 row stays at the bottom.
    await page.getByTestId('sort-tenantsIncubating').click();
    await page.waitForURL(/order=tenantsIncubating/);
    await page.getByTestId('sort-tenantsIncubating').click();
    await page.waitForURL(/order=-tenantsIncubating/);
    const firstGroup = page.getByTestId('stats-table').locator('tbody tr').first().locator('th');
    await expect.poll(() => firstGroup.textContent(), SETTLE).toBe('湖北省');
    expect(await page.getByTestId('stats-total-tenantsIncubating').textContent()).toBe(nationalTile);

    // The XLSX export, fetched with the bearer token and saved under the server's name.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-export-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`火炬孵化器统计-${LAST_FULL_YEAR}.xlsx`);
    const xlsxPath = join(downloads, 'national.xlsx');
    await xlsx.saveAs(xlsxPath);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const byProvince = workbook.getWorksheet('按地区');
    expect(byProvince).toBeDefined();
    const exported = totalCell(byProvince!, '地区', '在孵企业数');
    // The 合计 row, the page's tile and the tenant lists all agree. (The small demo records nothing
    // after last year's end, so last year's year-end stock is today's count.)
    expect(exported).toBe(numberIn(nationalTile));
    expect(exported).toBe(countedTotal);

    // CSV: the grouping on screen.
    await page.getByTestId('tab-region').click();
    await page.waitForURL(/groupBy=region/);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('stats-export-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`火炬孵化器统计-${LAST_FULL_YEAR}-按区域.csv`);
    const csvPath = join(downloads, 'region.csv');
    await csv.saveAs(csvPath);
    const lines = readFileSync(csvPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toMatch(/^区域,孵化器数量,在孵企业数,/);
    expect(lines.at(-1)).toMatch(new RegExp(`^合计,2,${countedTotal},`));

    // English: group names come from the API's labelEn.
    await page.getByTestId('lang-en').click();
    await expect
      .poll(() => page.getByTestId('stats-row-central').locator('th').textContent(), SETTLE)
      .toBe('Central');
    expect(await page.getByTestId('stats-total-row').locator('th').textContent()).toBe('Total');
    expect(await page.getByTestId('stats-tile-tenantsIncubating').textContent()).toContain(
      'Tenants incubating',
    );
    await screenshot(page, 'national-stats-en');
    await page.getByTestId('lang-zh').click();

    expect(live.browser.errors).toEqual([]);
    await signOut(page);
  });

  it('limits a province to its own and a manager to its incubator, without exports for managers', async () => {
    const page = await live.browser.newPage();
    const wuhanIncubating = (
      await incubatingByIncubator(await readerAs(live.server.url, 'hubei@torch.demo'))
    ).get(WUHAN);

    await signIn(page, live.server.url, 'hubei@torch.demo');
    await page.getByTestId('nav-stats').click();
    await page.waitForURL(/\/stats$/);
    await expect.poll(() => page.getByTestId('stats-trail').textContent(), SETTLE).toBe('湖北省');
    expect(await settledTile(page, 'tenantsIncubating')).toBe(String(wuhanIncubating));
    await rowsWhenCount(page, 'stats-incubator-row', 1);
    expect(await page.getByTestId('stats-export-xlsx').isEnabled()).toBe(true);
    await signOut(page);

    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    await page.getByTestId('nav-stats').click();
    await page.waitForURL(/\/stats$/);
    await expect.poll(() => page.getByTestId('stats-heading').textContent(), SETTLE).toBe(`${WUHAN} 统计`);
    expect(await settledTile(page, 'tenantsIncubating')).toBe(String(wuhanIncubating));
    expect(await settledTile(page, 'incubators')).toBe('1');
    expect(await page.getByTestId('stats-export').count()).toBe(0);
    expect(await page.getByTestId('stats-trail').count()).toBe(0);
    await screenshot(page, 'manager-stats');

    expect(live.browser.errors).toEqual([]);
  });
});
