// The report form holds figures as typed (strings, named like the schema's fields). Money is typed in 万元, the unit of the Torch
// forms, and stored as integer yuan; head counts and IP counts are whole numbers. A blank figure
// counts as zero, as on the paper form.
import { FIGURE_FIELDS, type FigureField, type Figures, type Report } from '@torch/shared';
import { wanToYuan, yuanToWanInput } from '../../format';
import type { MessageKey } from '../../i18n/messages/zh-CN';

export type FigureDraft = Record<FigureField, string>;
/** The editor's values: the year (chosen for a new report) and the figures as typed. */
export type ReportValues = FigureDraft & { year: string };

export const MONEY_FIGURES: ReadonlySet<FigureField> = new Set<FigureField>([
  'revenue',
  'netProfit',
  'rdSpending',
  'taxesPaid',
  'exports',
  'financingReceived',
]);

export const FIGURE_GROUPS: { heading: MessageKey; unit: MessageKey; fields: FigureField[] }[] = [
  {
    heading: 'report.groupMoney',
    unit: 'report.unitWan',
    fields: ['revenue', 'netProfit', 'rdSpending', 'taxesPaid', 'exports', 'financingReceived'],
  },
  {
    heading: 'report.groupPeople',
    unit: 'report.unitPeople',
    fields: [
      'employees',
      'phdEmployees',
      'collegeEmployees',
      'returnedScholarEmployees',
      'freshGraduatesHired',
    ],
  },
  {
    heading: 'report.groupIp',
    unit: 'report.unitItems',
    fields: ['ipApplications', 'ipGranted', 'inventionPatents', 'softwareCopyrights', 'otherIp'],
  },
];

export function emptyFigureDraft(): FigureDraft {
  return Object.fromEntries(FIGURE_FIELDS.map((f) => [f, ''])) as FigureDraft;
}

export function draftFromReport(report: Report): FigureDraft {
  return Object.fromEntries(
    FIGURE_FIELDS.map((f) => [f, MONEY_FIGURES.has(f) ? yuanToWanInput(report[f]) : String(report[f])]),
  ) as FigureDraft;
}

/** One figure as the API takes it: NaN for text that is no number, which the schema refuses. */
export function figureValue(field: FigureField, text: string): number {
  const trimmed = text.replace(/,/g, '').trim();
  if (trimmed === '') return 0;
  return MONEY_FIGURES.has(field) ? wanToYuan(trimmed) : Number(trimmed);
}

export function figureValues(draft: FigureDraft): Figures {
  return Object.fromEntries(FIGURE_FIELDS.map((f) => [f, figureValue(f, draft[f])])) as Figures;
}

/** The figures that differ from the stored report: a PATCH carries only those. */
export function changedFigures(values: Figures, report: Report): Partial<Figures> {
  return Object.fromEntries(FIGURE_FIELDS.filter((f) => values[f] !== report[f]).map((f) => [f, values[f]]));
}
