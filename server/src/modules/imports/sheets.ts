// XLSX the product writes: exports and templates with the headers the importer reads, and an
// upload given back with its problems in an added column.
import {
  choicesOf,
  headerOf,
  problemText,
  type RowProblem,
  type SheetColumn,
  writeCell,
} from '@torch/shared';
import ExcelJS from 'exceljs';
import type { SheetRow } from './read-file';

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function sheetWithHeaders(workbook: ExcelJS.Workbook, name: string, columns: readonly SheetColumn[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: headerOf(c),
    key: c.key,
    width: Math.max(12, headerOf(c).length * 2 + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const [i, c] of columns.entries()) {
    if (c.kind === 'date') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
    if (c.kind === 'uscc' || c.kind === 'text') sheet.getColumn(i + 1).numFmt = '@';
  }
  return sheet;
}

/** A date cell for a date, so Excel sorts and filters it as one. */
function cellOf(column: SheetColumn, value: unknown) {
  if (column.kind === 'date' && typeof value === 'string') return new Date(`${value}T00:00:00Z`);
  return writeCell(column.kind, value);
}

export async function recordsWorkbook(
  name: string,
  columns: readonly SheetColumn[],
  records: AsyncIterable<Record<string, unknown>>,
) {
  const workbook = new ExcelJS.Workbook();
  const sheet = sheetWithHeaders(workbook, name, columns);
  for await (const record of records) sheet.addRow(columns.map((c) => cellOf(c, record[c.key])));
  return toBuffer(workbook);
}

/** Headers, one example row and drop-down lists in Chinese for the coded columns. */
export async function templateWorkbook(
  name: string,
  columns: readonly SheetColumn[],
  example: Record<string, unknown>,
) {
  const workbook = new ExcelJS.Workbook();
  const writable = columns.filter((c) => !c.readOnly || c.key === 'name');
  const sheet = sheetWithHeaders(workbook, name, writable);
  sheet.addRow(writable.map((c) => cellOf(c, example[c.key])));
  const lists = workbook.addWorksheet('选项', { state: 'hidden' });
  let listColumn = 0;
  for (const [i, c] of writable.entries()) {
    const choices = choicesOf(c.kind);
    if (!choices) continue;
    listColumn += 1;
    choices.forEach((choice, r) => {
      lists.getCell(r + 1, listColumn).value = choice;
    });
    const letter = lists.getColumn(listColumn).letter;
    for (let r = 2; r <= 1000; r++) {
      sheet.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`'选项'!$${letter}$1:$${letter}$${choices.length}`],
        showErrorMessage: true,
        errorTitle: headerOf(c),
        error: '请从列表中选择',
      };
    }
  }
  return toBuffer(workbook);
}

/** The uploaded rows as read, with the errors and warnings of each in two added columns. */
export async function errorWorkbook(
  rows: SheetRow[],
  headerIndex: number,
  errors: RowProblem[],
  warnings: RowProblem[],
) {
  const byRow = (list: RowProblem[]) => {
    const map = new Map<number, string[]>();
    for (const p of list) map.set(p.row, [...(map.get(p.row) ?? []), problemText(p)]);
    return map;
  };
  const errorsOf = byRow(errors);
  const warningsOf = byRow(warnings);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('导入结果');
  const header = rows[headerIndex]![1];
  const width = header.length;
  sheet.addRow([...header, '错误', '提示']).font = { bold: true };
  for (const [n, cells] of rows.slice(headerIndex + 1)) {
    const padded = Array.from({ length: width }, (_, i) => cells[i] ?? null);
    const row = sheet.addRow([
      ...padded,
      errorsOf.get(n)?.join('；') ?? null,
      warningsOf.get(n)?.join('；') ?? null,
    ]);
    if (errorsOf.has(n)) row.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
  }
  return toBuffer(workbook);
}
