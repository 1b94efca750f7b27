// Readiness for national recognition (国家级科技企业孵化器), SPEC §4. The criteria change every few
// years, so each rule set is keyed by the year it took effect and a check names the set it used.
import type { IncubatorType } from '../schemas/enums';
import { addMonths, yearOf } from './dates';

export interface RecognitionRules {
  minOperatingYears: number;
  /** m² */
  minTotalArea: number;
  minTenantAreaPercent: number;
  /** yuan */
  minFund: number;
  minTenants: number;
  minTenantsPer1000m2: number;
  minGraduates: number;
  minFinancedPercent: number;
  /** A specialized incubator serves one field, so it may be smaller but must stay focused. */
  specialized: { minTenants: number; minGraduates: number; minInFieldPercent: number };
}

/** Keyed by the year the rule set took effect (科技企业孵化器管理办法, 国科发区〔2018〕300号). */
export const RECOGNITION_RULES: Readonly<Record<number, RecognitionRules>> = {
  2018: {
    minOperatingYears: 3,
    minTotalArea: 10_000,
    minTenantAreaPercent: 75,
    minFund: 5_000_000,
    minTenants: 50,
    minTenantsPer1000m2: 3,
    minGraduates: 20,
    minFinancedPercent: 10,
    specialized: { minTenants: 30, minGraduates: 15, minInFieldPercent: 75 },
  },
};

/** The rule set in force in a year: the newest one that took effect on or before it. */
export function recognitionRuleYear(year: number): number {
  const inForce = Object.keys(RECOGNITION_RULES)
    .map(Number)
    .filter((y) => y <= year);
  if (inForce.length === 0) throw new RangeError(`no recognition rules in force in ${year}`);
  return Math.max(...inForce);
}

export interface RecognitionInput {
  type: IncubatorType;
  foundedOn: string;
  /** The day readiness is judged on. */
  asOf: string;
  totalArea: number;
  tenantArea: number;
  fundSize: number;
  /** Tenants incubating on `asOf`. */
  tenants: number;
  /** Of those, how many have received investment. */
  tenantsFinanced: number;
  /** Of those, how many work in the incubator's field (only read for specialized incubators). */
  tenantsInField?: number;
  graduatesCumulative: number;
}

export type RecognitionCheckCode =
  | 'operating_years'
  | 'total_area'
  | 'tenant_area_share'
  | 'fund_size'
  | 'tenants'
  | 'tenant_density'
  | 'graduates'
  | 'financed_share'
  | 'in_field_share';

export interface RecognitionCheck {
  check: RecognitionCheckCode;
  pass: boolean;
  /** Shares are percentages and density is tenants per 1,000 m², floored to two decimals. */
  actual: number;
  required: number;
}

export interface RecognitionReadiness {
  ruleYear: number;
  ready: boolean;
  checks: RecognitionCheck[];
}

/** Whole years between two dates, counting a year only once its anniversary has passed. */
export function wholeYearsBetween(from: string, to: string): number {
  let years = yearOf(to) - yearOf(from);
  if (addMonths(from, years * 12) > to) years -= 1;
  return Math.max(0, years);
}

// Floored so that a value shown as meeting a threshold really does meet it; the epsilon absorbs
// float noise such as 0.29 * 100 = 28.999999999999996.
const floor2 = (n: number) => Math.floor(n * 100 + 1e-9) / 100;
const percent = (part: number, whole: number) => (whole > 0 ? (part * 100) / whole : 0);

/** Each criterion with its actual and required value; `year` picks the rule set in force then. */
export function recognitionReadiness(input: RecognitionInput, year: number): RecognitionReadiness {
  const ruleYear = recognitionRuleYear(year);
  const rules = RECOGNITION_RULES[ruleYear]!;
  const specialized = input.type === 'specialized';
  const minTenants = specialized ? rules.specialized.minTenants : rules.minTenants;
  const minGraduates = specialized ? rules.specialized.minGraduates : rules.minGraduates;
  const operatingYears = wholeYearsBetween(input.foundedOn, input.asOf);

  // Shares and density compare cross-multiplied in whole numbers, so a threshold met exactly is
  // never lost to a rounded fraction; `actual` is only for display.
  const checks: RecognitionCheck[] = [
    at('operating_years', operatingYears, rules.minOperatingYears),
    at('total_area', input.totalArea, rules.minTotalArea),
    share('tenant_area_share', input.tenantArea, input.totalArea, rules.minTenantAreaPercent),
    at('fund_size', input.fundSize, rules.minFund),
    at('tenants', input.tenants, minTenants),
    {
      check: 'tenant_density',
      pass: input.totalArea > 0 && input.tenants * 1000 >= rules.minTenantsPer1000m2 * input.totalArea,
      actual: input.totalArea > 0 ? floor2((input.tenants * 1000) / input.totalArea) : 0,
      required: rules.minTenantsPer1000m2,
    },
    at('graduates', input.graduatesCumulative, minGraduates),
    share('financed_share', input.tenantsFinanced, input.tenants, rules.minFinancedPercent),
  ];
  if (specialized) {
    checks.push(
      share('in_field_share', input.tenantsInField ?? 0, input.tenants, rules.specialized.minInFieldPercent),
    );
  }
  return { ruleYear, ready: checks.every((c) => c.pass), checks };
}

function at(check: RecognitionCheckCode, actual: number, required: number): RecognitionCheck {
  return { check, pass: actual >= required, actual, required };
}

function share(
  check: RecognitionCheckCode,
  part: number,
  whole: number,
  requiredPercent: number,
): RecognitionCheck {
  return {
    check,
    pass: whole > 0 && part * 100 >= requiredPercent * whole,
    actual: floor2(percent(part, whole)),
    required: requiredPercent,
  };
}
