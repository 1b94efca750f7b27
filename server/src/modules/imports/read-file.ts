// An uploaded file as rows of cells: XLSX read as a stream (first sheet), CSV in UTF-8 (with or
// without BOM) or GB18030/GBK, the encoding told apart by whether the bytes are valid UTF-8.
import { Readable } from 'node:stream';
import type { Cell } from '@torch/shared';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { badRequest, HttpProblem } from '../../errors';

/** A row of the sheet with its row number (1-based, as the spreadsheet shows it). */
export type SheetRow = [number, Cell[]];

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const notASpreadsheet = () =>
  badRequest('The file is not a spreadsheet we can read: save it as .xlsx or .csv', [
    { path: 'file', message: 'not_a_spreadsheet' },
  ]);

/** A date cell is a UTC instant at the shown day's midnight, give or take float noise. */
function isoDay(date: Date): string {
  return new Date(Math.round(date.getTime() / 60_000) * 60_000).toISOString().slice(0, 10);
}

function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDay(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return plain(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return null;
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && !c.trim()));

async function readXlsx(data: Buffer, maxRows: number): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(data), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[];
      const cells = values.slice(1).map(plain);
      for (let i = 0; i < cells.length; i++) cells[i] ??= null;
      if (isBlank(cells)) continue;
      rows.push([row.number, cells]);
      if (rows.length > maxRows) return rows;
    }
    break; // the first sheet holds the data; others are notes
  }
  return rows;
}

function decode(data: Buffer): string {
  if (data.subarray(0, 3).equals(UTF8_BOM)) return data.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Not UTF-8: Chinese Excel saves CSV in the system code page, GBK, which GB18030 contains.
    return new TextDecoder('gb18030').decode(data);
  }
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

async function readCsv(data: Buffer, maxRows: number): Promise<SheetRow[]> {
  const text = decode(data);
  // A binary file decodes to control characters; a CSV has none besides tabs and line ends.
  if (hasControlCharacters(text.slice(0, 4096))) throw notASpreadsheet();
  const rows: SheetRow[] = [];
  const parser = Readable.from([text]).pipe(
    parse({ relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    const cells: Cell[] = record.map((c) => (c.trim() === '' ? null : c));
    if (isBlank(cells)) continue;
    rows.push([info.lines, cells]);
    if (rows.length > maxRows) {
      parser.destroy();
      break;
    }
  }
  return rows;
}

/**
 * At most `maxRows` + 1 non-blank rows (one more tells the caller the file is over its limit).
 * Anything unreadable is a 400, never a 5xx.
 */
export async function readSheet(data: Buffer, maxRows: number): Promise<SheetRow[]> {
  if (!data.length) throw badRequest('The file is empty', [{ path: 'file', message: 'empty_file' }]);
  try {
    return data.subarray(0, 4).equals(ZIP) ? await readXlsx(data, maxRows) : await readCsv(data, maxRows);
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw notASpreadsheet();
  }
}
