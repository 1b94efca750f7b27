// The columns of the spreadsheets the product reads and writes: one dictionary for the importer's
// header matching, the exports' headers and the templates, so an export reads back as it was.

import { FIGURE_LABELS } from '../reference/record-labels';
import { FIGURE_FIELDS, type FigureField } from './figures';

export const IMPORT_KINDS = ['tenants', 'reports'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a cell is read (import-cells.ts) and written (exports). */
export type CellKind =
  | 'text'
  | 'uscc'
  | 'date'
  | 'yuan'
  | 'signedYuan'
  | 'area'
  | 'count'
  | 'year'
  | 'percent'
  | 'field'
  | 'bool'
  | 'traits'
  | 'tenantStatus'
  | 'investorKind'
  | 'instrument';

export interface SheetColumn {
  key: string;
  zh: string;
  en: string;
  kind: CellKind;
  /** Other names managers' sheets use for it (matched like zh and en). */
  aliases?: readonly string[];
  /** Written by exports for the reader, skipped by the importer (changed through its workflow). */
  readOnly?: boolean;
  /** The unit printed in the header; money may also come in 千元 or 万元 (the header says which). */
  unit?: '元' | '平方米' | '%';
}

export const TENANT_COLUMNS: readonly SheetColumn[] = [
  { key: 'uscc', zh: '统一社会信用代码', en: 'USCC', kind: 'uscc', aliases: ['信用代码', '社会信用代码'] },
  { key: 'name', zh: '企业名称', en: 'Name', kind: 'text', aliases: ['公司名称', '企业'] },
  { key: 'nameEn', zh: '英文名称', en: 'English name', kind: 'text' },
  { key: 'field', zh: '技术领域', en: 'Field', kind: 'field', aliases: ['所属领域', '行业领域'] },
  { key: 'integratedCircuit', zh: '集成电路企业', en: 'Integrated circuit', kind: 'bool' },
  { key: 'foundedOn', zh: '成立日期', en: 'Founded on', kind: 'date', aliases: ['注册日期', '成立时间'] },
  { key: 'admittedOn', zh: '入孵日期', en: 'Admitted on', kind: 'date', aliases: ['入孵时间'] },
  {
    key: 'areaOccupied',
    zh: '场地面积',
    en: 'Area occupied',
    kind: 'area',
    unit: '平方米',
    aliases: ['使用面积', '占用面积', '面积'],
  },
  { key: 'registeredCapital', zh: '注册资本', en: 'Registered capital', kind: 'yuan', unit: '元' },
  { key: 'founderTraits', zh: '创业者特征', en: 'Founder traits', kind: 'traits' },
  {
    key: 'legalRepresentative',
    zh: '法定代表人',
    en: 'Legal representative',
    kind: 'text',
    aliases: ['法人'],
  },
  { key: 'contactPhone', zh: '联系电话', en: 'Contact phone', kind: 'text', aliases: ['电话'] },
  { key: 'website', zh: '网址', en: 'Website', kind: 'text', aliases: ['网站'] },
  { key: 'highTechCertifiedOn', zh: '高新技术企业认定日期', en: 'High-tech certified on', kind: 'date' },
  { key: 'admissionExceptionReason', zh: '例外入孵理由', en: 'Admission exception reason', kind: 'text' },
  { key: 'status', zh: '状态', en: 'Status', kind: 'tenantStatus', readOnly: true },
  { key: 'graduatedOn', zh: '毕业日期', en: 'Graduated on', kind: 'date', readOnly: true },
  { key: 'exitedOn', zh: '退出日期', en: 'Exited on', kind: 'date', readOnly: true },
];

const FIGURE_KINDS: Record<FigureField, CellKind> = Object.fromEntries(
  FIGURE_FIELDS.map((f) => [
    f,
    f === 'netProfit'
      ? 'signedYuan'
      : ['revenue', 'rdSpending', 'taxesPaid', 'exports', 'financingReceived'].includes(f)
        ? 'yuan'
        : 'count',
  ]),
) as Record<FigureField, CellKind>;

export const REPORT_COLUMNS: readonly SheetColumn[] = [
  TENANT_COLUMNS[0]!,
  { ...TENANT_COLUMNS[1]!, readOnly: true },
  { key: 'year', zh: '年度', en: 'Year', kind: 'year', aliases: ['年份', '报告年度'] },
  ...FIGURE_FIELDS.map(
    (f): SheetColumn => ({
      key: f,
      zh: FIGURE_LABELS[f].zh,
      en: FIGURE_LABELS[f].en,
      kind: FIGURE_KINDS[f],
      ...(FIGURE_KINDS[f] === 'count' ? {} : { unit: '元' as const }),
    }),
  ),
];

/** Written by the investments export only (there is no investments import). */
export const INVESTMENT_COLUMNS: readonly SheetColumn[] = [
  TENANT_COLUMNS[0]!,
  TENANT_COLUMNS[1]!,
  { key: 'investorKind', zh: '投资方类型', en: 'Investor kind', kind: 'investorKind' },
  { key: 'investorName', zh: '投资方名称', en: 'Investor name', kind: 'text' },
  { key: 'instrument', zh: '投资方式', en: 'Instrument', kind: 'instrument' },
  { key: 'amount', zh: '金额', en: 'Amount', kind: 'yuan', unit: '元' },
  { key: 'investedOn', zh: '投资日期', en: 'Invested on', kind: 'date' },
  { key: 'round', zh: '轮次', en: 'Round', kind: 'text' },
  { key: 'equityShare', zh: '股权比例', en: 'Equity share', kind: 'percent', unit: '%' },
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly SheetColumn[]> = {
  tenants: TENANT_COLUMNS,
  reports: REPORT_COLUMNS,
};

/** Columns a file must have for its rows to mean anything. */
export const REQUIRED_COLUMNS: Record<ImportKind, readonly string[]> = {
  tenants: ['uscc', 'name', 'field', 'foundedOn', 'admittedOn'],
  reports: ['uscc', 'year'],
};

/** The header as exports print it: Chinese name and its unit, e.g. 注册资本（元）. */
export function headerOf(column: SheetColumn): string {
  return column.unit ? `${column.zh}（${column.unit}）` : column.zh;
}

const UNIT_FACTORS: Record<string, number> = { 元: 1, yuan: 1, cny: 1, 千元: 1000, 万元: 10_000 };

/** Case, spaces and full-width brackets do not matter when headers are compared. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*:：]/g, '')
    .toLowerCase();
}

export interface HeaderMatch {
  key: string;
  /** What a money cell is multiplied by to give yuan (a 万元 column gives 10,000). */
  factor: number;
}

/** Which column a header names, with the unit its parenthesised suffix gives; null if none. */
export function matchHeader(kind: ImportKind, header: string): HeaderMatch | null {
  const text = normalizeHeader(header);
  const unit = /^(.*?)\(([^()]*)\)$/.exec(text);
  const name = unit ? unit[1]! : text;
  const factor = unit ? (UNIT_FACTORS[unit[2]!] ?? 1) : 1;
  for (const column of IMPORT_COLUMNS[kind]) {
    const names = [column.key, column.zh, column.en, ...(column.aliases ?? [])].map(normalizeHeader);
    if (names.includes(name) || names.includes(text)) return { key: column.key, factor };
  }
  return null;
}

export function columnOf(kind: ImportKind, key: string): SheetColumn | undefined {
  return IMPORT_COLUMNS[kind].find((c) => c.key === key);
}
