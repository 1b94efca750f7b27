// Cells as PostgreSQL text: COPY's text format (tab-separated, \N for null) and SQL literals for
// the multi-row INSERT fallback. Arrays become array literals, `{ json }` cells JSON text.
import type { Cell } from './tables';

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((x) => `"${x.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

function text(cell: Exclude<Cell, null | number | boolean>): string {
  if (typeof cell === 'string') return cell;
  if (Array.isArray(cell)) return arrayLiteral(cell);
  return JSON.stringify((cell as { json: unknown }).json);
}

export function copyField(cell: Cell): string {
  if (cell === null) return '\\N';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 't' : 'f';
  const s = text(cell);
  return COPY_SPECIAL.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : s;
}

export function copyLine(row: readonly Cell[]): string {
  let line = copyField(row[0]!);
  for (let i = 1; i < row.length; i++) line += `\t${copyField(row[i]!)}`;
  return `${line}\n`;
}

export function sqlLiteral(cell: Cell): string {
  if (cell === null) return 'null';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return `'${text(cell).replace(/'/g, "''")}'`;
}
