// Admission window and incubation limit (科技企业孵化器管理办法, MOST 2018; SPEC §4).
// Breaking either is allowed with a reason, and then flagged.
import type { FieldCode } from '../reference/fields';
import { addMonths } from './dates';

/** A company may be founded at most this many months before it is admitted. */
export const ADMISSION_WINDOW_MONTHS = 24;
export const INCUBATION_LIMIT_MONTHS = 48;
/** Slow-maturing sectors get longer: biomedicine, modern agriculture, integrated circuits. */
export const LONG_INCUBATION_LIMIT_MONTHS = 60;

const LONG_FIELDS: ReadonlySet<FieldCode> = new Set(['biomedicine', 'modern_agriculture']);

export function incubationLimitMonths(company: { field: FieldCode; integratedCircuit?: boolean }): number {
  return LONG_FIELDS.has(company.field) || company.integratedCircuit
    ? LONG_INCUBATION_LIMIT_MONTHS
    : INCUBATION_LIMIT_MONTHS;
}

/** The last day a tenant may still be incubating without being overdue. */
export function incubationEndsOn(
  admittedOn: string,
  company: { field: FieldCode; integratedCircuit?: boolean },
) {
  return addMonths(admittedOn, incubationLimitMonths(company));
}

/** True when the company is older than the admission window on its admission day. */
export function isAdmissionException(foundedOn: string, admittedOn: string): boolean {
  return addMonths(foundedOn, ADMISSION_WINDOW_MONTHS) < admittedOn;
}

export function isOverdue(
  tenant: { status: string; admittedOn: string; field: FieldCode; integratedCircuit?: boolean },
  today: string,
): boolean {
  return tenant.status === 'incubating' && incubationEndsOn(tenant.admittedOn, tenant) < today;
}
