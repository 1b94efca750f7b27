// The Wuhan manager brings a spreadsheet in: two bad rows are shown and given back in the file,
// the corrected file is committed, and the new tenants are in the list and in the statistics.
import { readFile } from 'node:fs/promises';
import { todayInChina, usccCheckChar, yearOf } from '@torch/shared';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { useLiveApp } from '../helpers/live-app';
import { rowsWhenCount, screenshot, signIn } from './steps';

const YEAR = yearOf(todayInChina()) - 1;
const SETTLE = { timeout: 20_000 };

function uscc(serial: number): string {
  const first17 = `91420100MA${String(serial).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

async function workbook(rows: (string | number | Date)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('在孵企业');
  sheet.addRow(['2025 年新入孵企业']);
  sheet.addRow(['企业名称', '统一社会信用代码', '成立日期', '入孵日期', '技术领域', '场地面积（平方米）']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function chooseFile(page: Page, data: Buffer, name: string) {
  await page.getByTestId('import-file').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: data,
  });
}

async function admittedTotal(page: Page) {
  await page.getByTestId('nav-stats').click();
  await page.waitForURL(/\/stats/);
  await page.getByTestId('stats-year').selectOption(String(YEAR));
  const cell = page.getByTestId('stats-total-tenantsAdmitted');
  await cell.waitFor(SETTLE);
  return cell;
}

describe('spreadsheet import in the browser', () => {
  const live = useLiveApp();

  it('shows two bad rows, gives the file back with them, commits the corrected file', async () => {
    const page = await live.browser.newPage();
    await signIn(page, live.server.url, 'manager.wuhan@torch.demo');
    const before = Number(((await (await admittedTotal(page)).textContent()) ?? '').replace(/\D/g, ''));

    await page.getByTestId('nav-my-incubator').click();
    await page.getByTestId('open-import').click();
    const good = [
      [
        '武汉导入星河科技有限公司',
        uscc(9_100_001),
        new Date(Date.UTC(YEAR - 1, 4, 1)),
        `${YEAR}/3/1`,
        '电子信息',
        80,
      ],
      [
        '武汉导入云桥科技有限公司',
        uscc(9_100_002),
        `${YEAR - 1}年9月1日`,
        `${YEAR}-04-15`,
        '新材料',
        '1,200',
      ],
    ];
    const bad = await workbook([
      good[0]!,
      [
        '武汉导入坏码科技有限公司',
        `${uscc(9_100_003).slice(0, 17)}0`,
        `${YEAR - 1}-01-01`,
        `${YEAR}-05-01`,
        '电子信息',
        10,
      ],
      good[1]!,
      ['武汉导入坏日期科技有限公司', uscc(9_100_004), '去年春天', `${YEAR}-05-01`, '造船', 10],
    ]);
    await chooseFile(page, bad, '新入孵企业.xlsx');
    await page.getByTestId('import-upload').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor(SETTLE);
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('错误（3）');
    expect(text).toMatch(/4统一社会信用代码/);
    expect(text).toMatch(/6成立日期/);
    expect(text).toMatch(/6技术领域/);
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await screenshot(page, 'import-errors');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('import-download-errors').click(),
    ]);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = back.worksheets[0]!;
    expect(sheet.getCell(1, 7).value).toBe('错误');
    expect(String(sheet.getCell(3, 7).value)).toContain('统一社会信用代码');
    expect(sheet.getCell(2, 7).value).toBeNull();
    expect(String(sheet.getCell(5, 7).value)).toContain('技术领域');

    await page.getByTestId('import-again').click();
    await chooseFile(page, await workbook(good), '新入孵企业-已修正.xlsx');
    await page.getByTestId('import-upload').click();
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), SETTLE)
      .toContain('将新增 2 条');
    // The import row is held by another transaction: the commit waits, and the bar shows where it is
    // (this process answers from memory; another would read import_progress).
    const sql = postgres(live.server.databaseUrl!, { max: 1, onnotice: () => {} });
    const held = await sql.reserve();
    await held`begin`;
    await held`select id from imports where file_name = '新入孵企业-已修正.xlsx' for update`;
    await page.getByTestId('import-commit').click();
    await expect
      .poll(() => page.getByTestId('import-progress-rows').textContent(), SETTLE)
      .toBe('已处理 0 / 2 行');
    expect(await page.getByTestId('import-progress-bar').getAttribute('max')).toBe('2');
    await screenshot(page, 'import-progress');
    await held`commit`;
    held.release();
    await sql.end();
    await expect.poll(() => page.getByTestId('import-result').textContent(), SETTLE).toContain('新增 2 条');
    await screenshot(page, 'import-done');

    await page.getByTestId('import-back').click();
    await page.getByTestId('tenant-search').fill('武汉导入');
    const rows = await rowsWhenCount(page, 'tenant-row', 2);
    expect(rows.join('\n')).toContain('武汉导入星河科技有限公司');
    expect(rows.join('\n')).toContain('武汉导入云桥科技有限公司');

    await expect
      .poll(
        async () => Number(((await (await admittedTotal(page)).textContent()) ?? '').replace(/\D/g, '')),
        SETTLE,
      )
      .toBe(before + 2);

    await page.getByTestId('nav-my-incubator').click();
    await page.getByTestId('lang-en').click();
    await page.getByTestId('open-import').click();
    expect(await page.getByTestId('import-upload').textContent()).toBe('Upload and check');
    await screenshot(page, 'import-english');
    await page.close();
  });
});
