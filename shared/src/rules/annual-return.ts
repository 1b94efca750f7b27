// Validation of an incubator's annual return (年度统计报表, SPEC §3 "Annual return, in full").
// Errors block submission; warnings need a written explanation. Pure: the server passes the
// cohort's and the incubator's own history in, the form gets the same flags from the server.

/** Incubator-level figures the manager enters (money in yuan, areas in m²). */
export const RETURN_FIGURE_FIELDS = [
  'totalArea',
  'tenantArea',
  'publicServiceArea',
  'fundSize',
  'staffCount',
  'mentorCount',
  'mentorsOnStaff',
  'incomeServices',
  'incomeProperty',
  'incomeInvestment',
  'incomeOther',
  'incomeTotal',
  'fundingGovernment',
  'fundingEnterprise',
  'fundingOther',
  'fundingTotal',
] as const;
export type ReturnFigureField = (typeof RETURN_FIGURE_FIELDS)[number];
export type ReturnFigureValues = Record<ReturnFigureField, number>;

/** Totals the manager enters that must equal the sum of their parts. */
export const RETURN_SUMS = {
  incomeTotal: ['incomeServices', 'incomeProperty', 'incomeInvestment', 'incomeOther'],
  fundingTotal: ['fundingGovernment', 'fundingEnterprise', 'fundingOther'],
} as const satisfies Partial<Record<ReturnFigureField, readonly ReturnFigureField[]>>;

/** Computed tenant aggregates whose jumps and outliers are worth a reviewer's look. */
export const RETURN_CHECKED_COMPUTED = [
  'tenantsIncubating',
  'tenantsAdmitted',
  'tenantsGraduated',
  'investmentTotal',
  'tenantRevenue',
  'tenantRdSpending',
  'tenantEmployees',
] as const;
export type ReturnCheckedComputed = (typeof RETURN_CHECKED_COMPUTED)[number];

/**
 * A figure is material above this floor: below it a tenfold change or an outlying value is noise
 * (a 300 m² incubator tripling its public area is not news). Areas m², money yuan, counts.
 */
export const MATERIALITY_FLOORS: Record<ReturnFigureField | ReturnCheckedComputed, number> = {
  totalArea: 1_000,
  tenantArea: 1_000,
  publicServiceArea: 500,
  fundSize: 1_000_000,
  staffCount: 10,
  mentorCount: 5,
  mentorsOnStaff: 5,
  incomeServices: 500_000,
  incomeProperty: 500_000,
  incomeInvestment: 500_000,
  incomeOther: 500_000,
  incomeTotal: 500_000,
  fundingGovernment: 500_000,
  fundingEnterprise: 500_000,
  fundingOther: 500_000,
  fundingTotal: 500_000,
  tenantsIncubating: 10,
  tenantsAdmitted: 10,
  tenantsGraduated: 5,
  investmentTotal: 1_000_000,
  tenantRevenue: 5_000_000,
  tenantRdSpending: 1_000_000,
  tenantEmployees: 50,
};

export const JUMP_RATIO = 10;
export const OUTLIER_Z = 3.5;
export const MIN_COHORT = 8;
/** The incubator's own history is judged only once it has this many earlier years. */
export const HISTORY_YEARS = 5;

export type ReturnFlagKind =
  | 'tenant_area_exceeds_total'
  | 'negative'
  | 'mentors_exceed_staff'
  | 'sum_mismatch'
  | 'year_on_year'
  | 'cohort_outlier'
  | 'history_outlier';

export interface ReturnFlagValue {
  /** Unique within a return (`kind:path`): explanations are keyed by it. */
  code: string;
  kind: ReturnFlagKind;
  severity: 'error' | 'warning';
  /** `figures.tenantArea` or `computed.tenantRevenue`. */
  path: string;
  /** A stable code the web translates (the kind), with the numbers beside it. */
  message: string;
  value: number;
  /** What the value is compared with: the total, the sum of the parts, last year, the median. */
  reference: number | null;
}

export type ReturnCheckedValues = Partial<Record<ReturnFigureField | ReturnCheckedComputed, number>>;

export interface ReturnRuleInput {
  figures: ReturnFigureValues;
  computed: Record<ReturnCheckedComputed, number>;
  /** Last year's return (figures and computed merged), if there is one. */
  lastYear: ReturnCheckedValues | null;
  /** Same province and type, the same year, other incubators' returns. */
  cohort: ReturnCheckedValues[];
  /** The incubator's own returns of the previous years, newest first (at most five are read). */
  history: ReturnCheckedValues[];
}

const pathOf = (name: string) =>
  (RETURN_FIGURE_FIELDS as readonly string[]).includes(name) ? `figures.${name}` : `computed.${name}`;

function flag(
  kind: ReturnFlagKind,
  severity: 'error' | 'warning',
  name: string,
  value: number,
  reference: number | null,
): ReturnFlagValue {
  const path = pathOf(name);
  return { code: `${kind}:${path}`, kind, severity, path, message: kind, value, reference };
}

/** Figures that cannot be true: a return holding one cannot be submitted. */
export function returnErrors(figures: ReturnFigureValues): ReturnFlagValue[] {
  const flags: ReturnFlagValue[] = [];
  for (const name of RETURN_FIGURE_FIELDS) {
    if (figures[name] < 0) flags.push(flag('negative', 'error', name, figures[name], 0));
  }
  if (figures.tenantArea > figures.totalArea) {
    flags.push(
      flag('tenant_area_exceeds_total', 'error', 'tenantArea', figures.tenantArea, figures.totalArea),
    );
  }
  if (figures.mentorsOnStaff > figures.staffCount) {
    flags.push(
      flag('mentors_exceed_staff', 'error', 'mentorsOnStaff', figures.mentorsOnStaff, figures.staffCount),
    );
  }
  for (const [total, parts] of Object.entries(RETURN_SUMS) as [
    ReturnFigureField,
    readonly ReturnFigureField[],
  ][]) {
    const sum = parts.reduce((s, p) => s + figures[p], 0);
    if (figures[total] !== sum) flags.push(flag('sum_mismatch', 'error', total, figures[total], sum));
  }
  return flags;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The modified z-score 0.6745·|x − median| / MAD of `x` among `values` (which include x). Where
 * more than half the values are equal the MAD is 0; the mean absolute deviation (scaled by
 * 1.253314, so both estimate the same σ) stands in, as in IBM SPSS's robust outlier rule.
 */
export function modifiedZ(x: number, values: readonly number[]): { z: number; median: number } {
  const m = median(values);
  const mad = median(values.map((v) => Math.abs(v - m)));
  if (mad > 0) return { z: (0.6745 * Math.abs(x - m)) / mad, median: m };
  const meanAd = values.reduce((s, v) => s + Math.abs(v - m), 0) / values.length;
  if (meanAd === 0) return { z: 0, median: m };
  return { z: Math.abs(x - m) / (1.253314 * meanAd), median: m };
}

const present = (rows: ReturnCheckedValues[], name: keyof ReturnCheckedValues) =>
  rows.flatMap((r) => (typeof r[name] === 'number' ? [r[name]] : []));

/** Implausible figures: each needs a written explanation before the return can be submitted. */
export function returnWarnings(input: ReturnRuleInput): ReturnFlagValue[] {
  const flags: ReturnFlagValue[] = [];
  const current: Record<string, number> = { ...input.figures, ...input.computed };
  const history = input.history.slice(0, HISTORY_YEARS);
  for (const name of [...RETURN_FIGURE_FIELDS, ...RETURN_CHECKED_COMPUTED]) {
    const x = current[name]!;
    const floor = MATERIALITY_FLOORS[name];
    const previous = input.lastYear?.[name];
    // A jump matters when either side of it is material; a start from zero is not a ratio.
    if (typeof previous === 'number' && previous > 0 && Math.max(x, previous) > floor) {
      const ratio = x / previous;
      if (ratio > JUMP_RATIO || ratio < 1 / JUMP_RATIO)
        flags.push(flag('year_on_year', 'warning', name, x, previous));
    }
    if (x <= floor) continue;
    const cohort = present(input.cohort, name);
    if (cohort.length + 1 >= MIN_COHORT) {
      const { z, median: m } = modifiedZ(x, [x, ...cohort]);
      if (z > OUTLIER_Z) flags.push(flag('cohort_outlier', 'warning', name, x, m));
    }
    const own = present(history, name);
    if (own.length >= HISTORY_YEARS) {
      const { z, median: m } = modifiedZ(x, [x, ...own]);
      if (z > OUTLIER_Z) flags.push(flag('history_outlier', 'warning', name, x, m));
    }
  }
  return flags;
}

/** Errors first, then warnings. */
export function returnFlags(input: ReturnRuleInput): ReturnFlagValue[] {
  return [...returnErrors(input.figures), ...returnWarnings(input)];
}

/** Why a return cannot be submitted: its errors and its unexplained warnings (none: it can). */
export function submissionBlockers(
  flags: readonly (Pick<ReturnFlagValue, 'code' | 'severity' | 'path'> & { kind: string })[],
  explanations: Readonly<Record<string, string>>,
): { path: string; message: string }[] {
  return flags.flatMap((f) => {
    if (f.severity === 'error') return [{ path: f.path, message: f.kind }];
    if (!explanations[f.code]?.trim())
      return [{ path: `explanations.${f.code}`, message: 'explanation_required' }];
    return [];
  });
}

/** The figures that differ between two versions of a return (the resubmission's diff). */
export function changedFigures(
  before: ReturnFigureValues,
  after: ReturnFigureValues,
): { path: string; before: number; after: number }[] {
  return RETURN_FIGURE_FIELDS.filter((f) => before[f] !== after[f]).map((f) => ({
    path: `figures.${f}`,
    before: before[f],
    after: after[f],
  }));
}

/** The deadline of a year's return unless national sets another: 31 January of the next year. */
export const defaultReturnDeadline = (year: number) => `${year + 1}-01-31`;

/** A return is on time when it was first submitted on or before its deadline (China's day). */
export const filedOnTime = (firstSubmittedOn: string | null, deadline: string) =>
  firstSubmittedOn !== null && firstSubmittedOn <= deadline;
