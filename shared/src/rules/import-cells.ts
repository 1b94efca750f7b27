// Reading one spreadsheet cell as Chinese users type and save them: text or Excel dates, numbers
// with thousands separators, Chinese labels for codes. The zod schemas then judge the values.
import { FIELDS } from '../reference/fields';
import type { Bilingual } from '../reference/incubator-kinds';
import {
  FOUNDER_TRAIT_LABELS,
  INSTRUMENT_LABELS,
  INVESTOR_KIND_LABELS,
  TENANT_STATUS_LABELS,
} from '../reference/record-labels';
import type { CellKind } from './import-columns';

/** A cell as the file readers hand it over: date cells already as `YYYY-MM-DD`. */
export type Cell = string | number | boolean | null;

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): CellResult => ({ ok: true, value });
const bad = (message: string): CellResult => ({ ok: false, message });

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included). */
export function excelSerialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400_000)).toISOString().slice(0, 10);
}

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The digit at `i` of `t` as a number; NaN when it is not a digit. */
const digitAt = (t: string, i: number) => {
  const code = t.charCodeAt(i) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
};

/**
 * `YYYY-MM-DD` already (what exports and most files write), checked from its characters: the
 * regexes and Date below cost ~2 µs a cell, twice a row for 50,000 rows.
 */
function isoDayOf(t: string): string | null {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  const y = digitAt(t, 0) * 1000 + digitAt(t, 1) * 100 + digitAt(t, 2) * 10 + digitAt(t, 3);
  const m = digitAt(t, 5) * 10 + digitAt(t, 6);
  const d = digitAt(t, 8) * 10 + digitAt(t, 9);
  // NaN fails every comparison: a non-digit anywhere is no date.
  // Years before 100 are left to the general path (Date reads them as 19xx, so they are refused).
  if (!(y >= 100 && m >= 1 && m <= 12 && d >= 1)) return null;
  const last = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
  return d <= last ? t : null;
}

/** `YYYY-MM-DD` from the ways a date is written in Chinese sheets; null when it is none of them. */
export function parseDateText(text: string): string | null {
  const iso = isoDayOf(text);
  if (iso) return iso;
  // A time of day after the date (2025-06-01 00:00:00) does not change the day.
  const t = text
    .trim()
    .replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '')
    .replace(/\s+/g, '');
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** A number typed with thousands separators, full-width digits or a currency sign. */
export function parseNumberText(text: string): number | null {
  const t = text
    .normalize('NFKC')
    .replace(/[\s,¥$]/g, '')
    .replace(/元$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

/** Each label table as one lookup of its codes and labels, made on first use. */
const lookups = new WeakMap<object, Map<string, string>>();

/** A code from its code, Chinese or English label (case and spaces ignored). */
function codeOf<C extends string>(labels: Record<C, Bilingual>, text: string): C | undefined {
  let lookup = lookups.get(labels);
  if (!lookup) {
    lookup = new Map();
    // The first code naming a text wins, as the search through the codes in order did.
    for (const code of (Object.keys(labels) as C[]).reverse()) {
      lookup.set(labels[code].en.toLowerCase(), code);
      lookup.set(labels[code].zh, code);
      lookup.set(code, code);
    }
    lookups.set(labels, lookup);
  }
  return lookup.get(text.normalize('NFKC').trim().toLowerCase()) as C | undefined;
}

const FIELD_LABELS = Object.fromEntries(FIELDS.map((f) => [f.code, { zh: f.nameZh, en: f.nameEn }]));
const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗']);

function numberOf(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  return typeof cell === 'string' ? parseNumberText(cell) : null;
}

/**
 * The value a cell stands for, or why it cannot be read. Empty cells are `undefined` (the
 * schema's default applies, or it says the field is required). `factor` turns 千元/万元 into yuan.
 */
export function readCell(kind: CellKind, cell: Cell, factor = 1): CellResult {
  if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return ok(undefined);
  const text = String(cell).trim();
  switch (kind) {
    case 'text':
    case 'uscc':
      return ok(text);
    case 'date': {
      if (typeof cell === 'number')
        return cell > 0 && cell < 2_958_466 ? ok(excelSerialToIso(cell)) : bad('date_format');
      const day = parseDateText(text);
      return day ? ok(day) : bad('date_format');
    }
    case 'yuan':
    case 'signedYuan': {
      const n = numberOf(cell);
      if (n === null) return bad('not_a_number');
      // 12.34 万元 is 123,400 yuan exactly, not 123,399.99999; yuan themselves stay as written.
      return ok(factor === 1 ? n : Math.round(n * factor));
    }
    case 'area':
    case 'count':
    case 'year':
    case 'percent': {
      const n = numberOf(cell);
      return n === null ? bad('not_a_number') : ok(n);
    }
    case 'bool': {
      const t = text.toLowerCase();
      return YES.has(t) ? ok(true) : NO.has(t) ? ok(false) : bad('not_yes_or_no');
    }
    case 'field': {
      const code = codeOf(FIELD_LABELS, text);
      return code ? ok(code) : bad('unknown_field');
    }
    case 'traits': {
      const codes = text
        .split(/[、,，;；/]/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => codeOf(FOUNDER_TRAIT_LABELS, part));
      return codes.every(Boolean) ? ok(codes) : bad('unknown_founder_trait');
    }
    case 'tenantStatus':
      return ok(codeOf(TENANT_STATUS_LABELS, text));
    case 'investorKind':
      return ok(codeOf(INVESTOR_KIND_LABELS, text));
    case 'instrument':
      return ok(codeOf(INSTRUMENT_LABELS, text));
  }
}

/** How exports write a value of this kind: the labels and dates the importer reads back. */
export function writeCell(kind: CellKind, value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'field':
      return FIELDS.find((f) => f.code === value)?.nameZh ?? String(value);
    case 'bool':
      return value ? '是' : '否';
    case 'traits':
      return (value as (keyof typeof FOUNDER_TRAIT_LABELS)[])
        .map((t) => FOUNDER_TRAIT_LABELS[t].zh)
        .join('、');
    case 'tenantStatus':
      return TENANT_STATUS_LABELS[value as keyof typeof TENANT_STATUS_LABELS]?.zh ?? String(value);
    case 'investorKind':
      return INVESTOR_KIND_LABELS[value as keyof typeof INVESTOR_KIND_LABELS]?.zh ?? String(value);
    case 'instrument':
      return INSTRUMENT_LABELS[value as keyof typeof INSTRUMENT_LABELS]?.zh ?? String(value);
    default:
      return value as string | number;
  }
}

/** The Chinese labels a coded column offers (the templates' drop-down lists). */
export function choicesOf(kind: CellKind): string[] | null {
  switch (kind) {
    case 'field':
      return FIELDS.map((f) => f.nameZh);
    case 'bool':
      return ['是', '否'];
    default:
      return null;
  }
}
