// What may happen to a tenancy once it has ended (SPEC §3): graduates stay on the books, so
// records keep coming for them; an exited company is no longer the incubator's, so only records
// dated up to its exit (late entries of its history) are taken.
import type { TenantStatus } from '../schemas/enums';
import { todayInChina } from './dates';

export interface TenancyState {
  status: TenantStatus;
  admittedOn: string;
  graduatedOn: string | null;
  exitedOn: string | null;
}

/** Whether a record (investment, listing, report) dated `date` may be added under this tenancy. */
export function tracksRecordOn(tenancy: Pick<TenancyState, 'status' | 'exitedOn'>, date: string): boolean {
  return tenancy.status !== 'exited' || (tenancy.exitedOn !== null && date <= tenancy.exitedOn);
}

/** The last day of the stay: its graduation or exit, or today while it runs. */
export function tenancyEndsOn(tenancy: TenancyState, today: string = todayInChina()): string {
  return tenancy.graduatedOn ?? tenancy.exitedOn ?? today;
}

export type ExitCheck =
  | { ok: true }
  | { ok: false; code: 'not_incubating' | 'in_future' | 'before_admission' };

/** Whether an exit may be recorded: only an incubating tenant leaves, on or after its admission. */
export function checkExit(
  tenancy: Pick<TenancyState, 'status' | 'admittedOn'>,
  exitedOn: string,
  today: string = todayInChina(),
): ExitCheck {
  if (tenancy.status !== 'incubating') return { ok: false, code: 'not_incubating' };
  if (exitedOn > today) return { ok: false, code: 'in_future' };
  if (exitedOn < tenancy.admittedOn) return { ok: false, code: 'before_admission' };
  return { ok: true };
}
