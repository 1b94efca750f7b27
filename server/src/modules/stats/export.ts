// Yearbook-style tables from summaries: Chinese headers, money in 千元 (as the Torch forms use), a
// 合计 row from the summary's total. CSV holds one grouping; XLSX has a sheet per grouping.
import {
  PROVINCES,
  STATS_INDICATOR_INFO,
  STATS_INDICATORS,
  type StatsGrouping,
  type StatsIndicator,
  type StatsSummary,
} from '@torch/shared';

const GROUPINGS: Record<StatsGrouping, { column: string; sheet: string }> = {
  province: { column: '地区', sheet: '按地区' },
  region: { column: '区域', sheet: '按区域' },
  park: { column: '国家高新区', sheet: '按国家高新区' },
  type: { column: '孵化器类型', sheet: '按孵化器类型' },
  level: { column: '孵化器级别', sheet: '按孵化器级别' },
  field: { column: '技术领域', sheet: '按技术领域' },
};

const UNIT_SUFFIX = { yuan: '（千元）', people: '（人）', count: '' } as const;

type Cell = string | number | null;

export interface YearbookTable {
  header: string[];
  rows: Cell[][];
  total: Cell[];
}

/** Yuan shown in 千元, rounded; counts as they are; null (incubators by field) stays empty. */
function shown(indicator: StatsIndicator, value: number | null): Cell {
  if (value === null) return null;
  return STATS_INDICATOR_INFO[indicator].unit === 'yuan' ? Math.round(value / 1000) : value;
}

export function yearbookTable(summary: StatsSummary): YearbookTable {
  const total = summary.total;
  if (!total) throw new Error('a yearbook table needs a live summary');
  return {
    header: [
      GROUPINGS[summary.groupBy].column,
      ...STATS_INDICATORS.map(
        (k) => `${STATS_INDICATOR_INFO[k].zh}${UNIT_SUFFIX[STATS_INDICATOR_INFO[k].unit]}`,
      ),
    ],
    rows: summary.rows.map((row) => [row.label, ...STATS_INDICATORS.map((k) => shown(k, row[k]))]),
    total: ['合计', ...STATS_INDICATORS.map((k) => shown(k, total[k]))],
  };
}

function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so Excel opens the Chinese headers right. */
export function toCsv(table: YearbookTable): string {
  const lines = [table.header, ...table.rows, table.total].map((cells) => cells.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function titleOf(summary: StatsSummary, province: string | null): string {
  const where = province ? (PROVINCES.find((p) => p.code === province)?.nameZh ?? province) : '全国';
  return `${summary.year}年${where}科技企业孵化器统计（${GROUPINGS[summary.groupBy].sheet}）`;
}

export async function toXlsx(summaries: StatsSummary[], province: string | null): Promise<Buffer> {
  // Loaded on the first export: exceljs adds ~27 MiB to a server that may never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Torch Incubator Platform';
  for (const summary of summaries) {
    const table = yearbookTable(summary);
    const sheet = workbook.addWorksheet(GROUPINGS[summary.groupBy].sheet);
    sheet.addRow([titleOf(summary, province)]).font = { bold: true, size: 14 };
    sheet.addRow([`数据来源：实时数据（全部记录），截至 ${summary.asOf}；金额单位：千元`]);
    const header = sheet.addRow(table.header);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const row of table.rows) sheet.addRow(row);
    sheet.addRow(table.total).font = { bold: true };
    sheet.getColumn(1).width = 28;
    for (let i = 2; i <= table.header.length; i += 1) sheet.getColumn(i).width = 14;
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 3 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `attachment` with an ASCII name and the Chinese one for clients that read filename*. */
export function attachment(
  year: number,
  province: string | null,
  groupBy: StatsGrouping | null,
  ext: 'csv' | 'xlsx',
) {
  const parts = [String(year), province, groupBy].filter(Boolean);
  const ascii = `torch-stats-${parts.join('-')}.${ext}`;
  const chinese = `火炬孵化器统计-${[String(year), province, groupBy ? GROUPINGS[groupBy].sheet : null].filter(Boolean).join('-')}.${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chinese)}`;
}
