// Sanity of a tenant's periodic-report figures (SPEC §4, Figures). Impossible figures are
// refused; implausible ones (a tenfold jump) are only flagged, because real companies do jump.
import type { FieldProblem } from '../schemas/common';

/** Every numeric figure of a periodic report besides its year; money is integer yuan. */
export const FIGURE_FIELDS = [
  'revenue',
  'netProfit',
  'rdSpending',
  'taxesPaid',
  'exports',
  'employees',
  'phdEmployees',
  'collegeEmployees',
  'returnedScholarEmployees',
  'freshGraduatesHired',
  'ipApplications',
  'ipGranted',
  'inventionPatents',
  'softwareCopyrights',
  'otherIp',
  'financingReceived',
] as const;
export type FigureField = (typeof FIGURE_FIELDS)[number];
export type Figures = Record<FigureField, number>;

/** A loss is a negative profit; every other figure is an amount or a head count. */
export const SIGNED_FIGURES: ReadonlySet<FigureField> = new Set<FigureField>(['netProfit']);

/** Sub-counts of employees: each is a subset of the staff, so none may exceed it. */
export const EMPLOYEE_SUBCOUNTS = [
  'phdEmployees',
  'collegeEmployees',
  'returnedScholarEmployees',
  'freshGraduatesHired',
] as const satisfies readonly FigureField[];

// ipGranted is deliberately not compared with ipApplications: patents granted this year were
// mostly applied for in earlier years.

/** Figures that are refused; works on partial figures (a patch) by checking what is present. */
export function figureProblems(report: Partial<Record<FigureField, unknown>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of FIGURE_FIELDS) {
    const value = report[field];
    if (typeof value === 'number' && value < 0 && !SIGNED_FIGURES.has(field)) {
      problems.push({ path: field, message: 'negative' });
    }
  }
  const employees = report.employees;
  if (typeof employees === 'number') {
    for (const field of EMPLOYEE_SUBCOUNTS) {
      const value = report[field];
      if (typeof value === 'number' && value > employees)
        problems.push({ path: field, message: 'exceeds_employees' });
    }
  }
  return problems;
}

/** Figures whose year-on-year change is worth a reviewer's second look. */
export const JUMP_FIELDS = [
  'revenue',
  'rdSpending',
  'taxesPaid',
  'exports',
  'employees',
  'financingReceived',
] as const satisfies readonly FigureField[];
export const JUMP_FACTOR = 10;

export interface JumpFlag {
  field: FigureField;
  previous: number;
  current: number;
  /** current / previous */
  ratio: number;
}

/**
 * More than a tenfold rise, or a fall to under a tenth, since last year. Exactly 10× is not
 * flagged. A previous zero has no ratio, so growth from nothing is never flagged.
 */
export function jumpFlags(current: Partial<Figures>, previous: Partial<Figures>): JumpFlag[] {
  const flags: JumpFlag[] = [];
  for (const field of JUMP_FIELDS) {
    const now = current[field];
    const before = previous[field];
    if (now === undefined || before === undefined || !(before > 0)) continue;
    // Multiplying rather than dividing keeps the boundary exact for integers.
    if (now > JUMP_FACTOR * before || now * JUMP_FACTOR < before) {
      flags.push({ field, previous: before, current: now, ratio: now / before });
    }
  }
  return flags;
}
