// A spreadsheet's rows judged by the same zod schemas and rules as the forms (SPEC §4): a row the
// form would refuse is an error of that row, a warning of the form a warning of the row.
import type { z } from 'zod';
import type { Bilingual } from '../reference/incubator-kinds';
import { ReportCreate } from '../schemas/reports';
import { TenantCreate, Uscc } from '../schemas/tenants';
import { isAdmissionException } from './admission';
import { type Cell, readCell } from './import-cells';
import {
  columnOf,
  headerOf,
  type ImportKind,
  matchHeader,
  normalizeHeader,
  REQUIRED_COLUMNS,
  type SheetColumn,
} from './import-columns';

/** A file column: its header as written and what it was matched (or mapped) to; null = ignored. */
export interface ColumnBinding {
  index: number;
  header: string;
  key: string | null;
  factor: number;
}

export interface RowProblem {
  /** The spreadsheet's row number (1 = the first line of the file). */
  row: number;
  /** The header of the column as the file writes it; empty for the row as a whole. */
  column: string;
  message: string;
}

export interface RowOutcome {
  row: number;
  /** The record as the admit/report routes would receive it; null when the row has errors. */
  record: Record<string, unknown> | null;
  /** The fields the row's cells gave (the rest are the schema's defaults): an update changes only these. */
  present: string[];
  errors: RowProblem[];
  warnings: RowProblem[];
}

/** What a manager said a header means: a column key, or '' to ignore it. Keyed by normalizeHeader. */
export type HeaderMapping = Record<string, string>;

/** Headers are looked for this deep: a title and a note or two may sit above them. */
export const HEADER_SEARCH_ROWS = 20;

function bind(kind: ImportKind, cells: readonly Cell[], mapping: HeaderMapping): ColumnBinding[] {
  return cells.map((cell, index) => {
    const header = cell === null ? '' : String(cell).trim();
    const mapped = mapping[normalizeHeader(header)];
    if (mapped !== undefined) return { index, header, key: mapped || null, factor: 1 };
    const match = header ? matchHeader(kind, header) : null;
    return { index, header, key: match?.key ?? null, factor: match?.factor ?? 1 };
  });
}

/**
 * The header row: of the first rows, the one naming the most known columns (at least two, so a
 * title that happens to say 企业名称 is not taken for it). Null when there is none.
 */
export function findHeaderRow(
  kind: ImportKind,
  rows: readonly (readonly Cell[])[],
  mapping: HeaderMapping = {},
): { index: number; bindings: ColumnBinding[] } | null {
  let best: { index: number; bindings: ColumnBinding[]; known: number } | null = null;
  rows.slice(0, HEADER_SEARCH_ROWS).forEach((cells, index) => {
    const bindings = bind(kind, cells, mapping);
    const known = new Set(bindings.filter((b) => b.key).map((b) => b.key)).size;
    if (known >= 2 && (!best || known > best.known)) best = { index, bindings, known };
  });
  const found = best as { index: number; bindings: ColumnBinding[] } | null;
  return found && { index: found.index, bindings: found.bindings };
}

/** Headers that name no column and were not mapped: the manager is asked what they are. */
export function unknownHeaders(bindings: readonly ColumnBinding[], mapping: HeaderMapping = {}): string[] {
  return bindings
    .filter((b) => b.header && !b.key && mapping[normalizeHeader(b.header)] === undefined)
    .map((b) => b.header);
}

/** Required columns the file does not have. */
export function missingColumns(kind: ImportKind, bindings: readonly ColumnBinding[]): string[] {
  const present = new Set(bindings.map((b) => b.key));
  return REQUIRED_COLUMNS[kind].filter((k) => !present.has(k));
}

/** zod's issue as a stable code: `required`, our rule codes (`uscc_check_digit`), or its kind. */
function issueMessage(issue: z.core.$ZodIssue, record: Record<string, unknown>): string {
  const key = issue.path[0];
  if (issue.code === 'invalid_type' && typeof key === 'string' && record[key] === undefined)
    return 'required';
  if (issue.code === 'custom') return issue.message;
  if (issue.code === 'unrecognized_keys') return 'unknown_column';
  return issue.code;
}

function headerFor(kind: ImportKind, bindings: readonly ColumnBinding[], key: unknown): string {
  if (typeof key !== 'string') return '';
  const bound = bindings.find((b) => b.key === key);
  if (bound) return bound.header;
  const column = columnOf(kind, key);
  return column ? headerOf(column) : key;
}

/** The columns of a file a row is read from, looked up once per file, not once per cell. */
interface ReadColumn {
  index: number;
  header: string;
  key: string;
  kind: SheetColumn['kind'];
  factor: number;
}
const readColumnsOf = new WeakMap<readonly ColumnBinding[], { kind: ImportKind; columns: ReadColumn[] }>();

function readColumns(kind: ImportKind, bindings: readonly ColumnBinding[]): ReadColumn[] {
  const known = readColumnsOf.get(bindings);
  if (known?.kind === kind) return known.columns;
  const columns: ReadColumn[] = [];
  for (const b of bindings) {
    const column = b.key ? columnOf(kind, b.key) : undefined;
    if (!column || column.readOnly) continue;
    columns.push({ index: b.index, header: b.header, key: column.key, kind: column.kind, factor: b.factor });
  }
  readColumnsOf.set(bindings, { kind, columns });
  return columns;
}

/** One data row read and judged; `rowNumber` is its line in the spreadsheet. */
export function judgeRow(
  kind: ImportKind,
  bindings: readonly ColumnBinding[],
  rowNumber: number,
  cells: readonly Cell[],
): RowOutcome {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const record: Record<string, unknown> = {};
  for (const c of readColumns(kind, bindings)) {
    const read = readCell(c.kind, cells[c.index] ?? null, c.factor);
    if (!read.ok) errors.push({ row: rowNumber, column: c.header, message: read.message });
    else if (read.value !== undefined) record[c.key] = read.value;
  }
  const failed = new Set(errors.map((e) => e.column));
  const problem = (issue: z.core.$ZodIssue) => {
    const column = headerFor(kind, bindings, issue.path[0]);
    if (!failed.has(column)) errors.push({ row: rowNumber, column, message: issueMessage(issue, record) });
  };
  let parsed: Record<string, unknown> | null = null;
  if (kind === 'tenants') {
    const result = TenantCreate.safeParse(record);
    if (result.success) parsed = result.data;
    else result.error.issues.forEach(problem);
    if (result.success && isAdmissionException(result.data.foundedOn, result.data.admittedOn)) {
      const column = headerFor(
        kind,
        bindings,
        result.data.admissionExceptionReason ? 'foundedOn' : 'admissionExceptionReason',
      );
      if (result.data.admissionExceptionReason)
        warnings.push({ row: rowNumber, column, message: 'admission_exception' });
      else errors.push({ row: rowNumber, column, message: 'admission_window_exceeded' });
    }
  } else {
    const { uscc, ...figures } = record;
    const code = Uscc.safeParse(uscc ?? undefined);
    if (!code.success) for (const i of code.error.issues) problem({ ...i, path: ['uscc'] });
    const result = ReportCreate.safeParse(figures);
    if (!result.success) result.error.issues.forEach(problem);
    if (code.success && result.success) parsed = { uscc: code.data, ...result.data };
  }
  return {
    row: rowNumber,
    record: errors.length ? null : parsed,
    present: Object.keys(record),
    errors,
    warnings,
  };
}

/** The identity of a row within its kind: USCC, or USCC and year; a file names each once. */
export function rowIdentity(kind: ImportKind, record: Record<string, unknown>): string {
  return kind === 'tenants' ? String(record.uscc) : `${record.uscc}/${record.year}`;
}

/** The import's own problem codes; the rest are the forms' (see the web's error labels). */
export const IMPORT_MESSAGE_LABELS: Record<string, Bilingual> = {
  required: { zh: '必填', en: 'Required' },
  date_format: { zh: '日期格式无法识别（如 2025-06-01）', en: 'Not a date (e.g. 2025-06-01)' },
  not_a_number: { zh: '不是数字', en: 'Not a number' },
  not_yes_or_no: { zh: '请填“是”或“否”', en: 'Yes or no' },
  unknown_field: { zh: '技术领域不在列表中', en: 'Unknown technology field' },
  unknown_founder_trait: { zh: '创业者特征不在列表中', en: 'Unknown founder trait' },
  duplicate_in_file: { zh: '文件中重复', en: 'Appears twice in the file' },
  uscc_length: { zh: '统一社会信用代码应为 18 位', en: 'A USCC has 18 characters' },
  uscc_characters: { zh: '统一社会信用代码含非法字符', en: 'The USCC has characters it may not have' },
  uscc_check_digit: { zh: '统一社会信用代码校验位错误', en: 'The USCC check character is wrong' },
  date_in_future: { zh: '日期不能晚于今天', en: 'The date is in the future' },
  admitted_before_founded: { zh: '入孵日期早于成立日期', en: 'Admitted before it was founded' },
  certified_before_founded: { zh: '认定日期早于成立日期', en: 'Certified before it was founded' },
  admission_window_exceeded: {
    zh: '成立超过 24 个月才入孵，须填写例外入孵理由',
    en: 'Founded over 24 months before admission: give a reason',
  },
  admission_exception: { zh: '例外入孵（将被标记复核）', en: 'Admission exception (flagged for review)' },
  company_incubating: { zh: '该企业正在其他孵化器孵化', en: 'The company incubates in another incubator' },
  before_previous_tenancy_ended: {
    zh: '入孵日期早于企业离开上一孵化器的日期',
    en: 'Admitted before it left its previous incubator',
  },
  not_current_tenancy: { zh: '该企业已不在本孵化器', en: 'The company has moved on' },
  unknown_company: { zh: '本孵化器没有该企业', en: 'No such tenant in this incubator' },
  year_before_founded: { zh: '年度早于企业成立', en: 'The company did not exist that year' },
  year_in_future: { zh: '年度尚未开始', en: 'That year has not begun' },
  tenant_exited: { zh: '企业在该年度前已退出', en: 'The company left before that year' },
  duplicate_report: {
    zh: '该企业该年度已有报表（由其他孵化器填报）',
    en: 'The company already has a report for that year',
  },
  report_locked: { zh: '该年度报表已提交或已通过，不能覆盖', en: 'That report is submitted or approved' },
  exceeds_employees: { zh: '超过从业人员总数', en: 'More than the employees' },
  negative: { zh: '不能为负数', en: 'May not be negative' },
  jump: { zh: '较上年变化超过 10 倍，请复核', en: 'More than a tenfold change on last year' },
  too_small: { zh: '数值过小或文字过短', en: 'Too small or too short' },
  too_big: { zh: '数值过大或文字过长', en: 'Too big or too long' },
  invalid_format: { zh: '格式不正确', en: 'Wrong format' },
  invalid_type: { zh: '类型不正确', en: 'Wrong kind of value' },
};

/** The Chinese text of a problem for the error column of the downloaded file. */
export function problemText(p: Pick<RowProblem, 'column' | 'message'>): string {
  const text = IMPORT_MESSAGE_LABELS[p.message]?.zh ?? p.message;
  return p.column ? `${p.column}：${text}` : text;
}
