// How a stay ends: graduation within the incubation limit, an exit (failed, moved out, merged,
// other), or still incubating at the horizon. Stays still open at the horizon whose limit runs out
// within the next year end before it instead, so a demo loaded any day of the following year
// shows only the deliberately overdue few (overdue.ts), not thousands.
import { incubationEndsOn, incubationLimitMonths } from '@torch/shared';
import { type Day, dayOf, iso, yearEnd, yearOfDay, yearStart } from './calendar';
import type { GenCompany, GenIncubator, GenTenancy } from './model';
import { EXIT_REASON_MIX, graduationShare, stayMonths } from './plan';
import type { Rng } from './prng';

const DAYS_PER_MONTH = 30.44;

export function openTenancy(
  company: GenCompany,
  incubator: GenIncubator,
  admittedOn: Day,
  exceptionReason: string | null,
  rng: Rng,
): GenTenancy {
  const tenancy: GenTenancy = {
    id: '',
    company,
    incubator,
    admittedOn,
    areaOccupied: Math.min(2000, Math.max(20, Math.round(rng.logNormal(120, 0.6)))),
    admissionExceptionReason: exceptionReason,
    incubationEndsOn: dayOf(incubationEndsOn(iso(admittedOn), company)),
    status: 'incubating',
    endedOn: null,
    exitReason: null,
    graduationCriteria: [],
    unverifiedCriteria: [],
    graduationEvidence: null,
    fixed: false,
  };
  company.tenancies.push(tenancy);
  return tenancy;
}

/** Draws how the stay ends; `notBefore` forces the end after a day (e.g. past 2006 for the stock). */
export function planOutcome(t: GenTenancy, horizon: Day, rng: Rng, notBefore?: Day): void {
  const limit = incubationLimitMonths(t.company);
  const year = yearOfDay(t.admittedOn);
  const graduate = rng.chance(graduationShare(year));
  const { min, mode } = stayMonths(year, graduate);
  for (let attempt = 0; ; attempt++) {
    const months = rng.triangular(min, mode, limit - (graduate ? 0.5 : 1));
    let end = Math.min(t.admittedOn + Math.round(months * DAYS_PER_MONTH), t.incubationEndsOn);
    if (notBefore !== undefined && end <= notBefore) {
      if (attempt < 50) continue;
      // Rare: no natural draw ends late enough; end somewhere between then and the limit.
      end = rng.int(notBefore + 1, t.incubationEndsOn);
    }
    if (end > horizon) {
      setIncubating(t);
    } else if (graduate) {
      setGraduated(t, end);
    } else {
      setExited(t, end, rng.weighted(EXIT_REASON_MIX));
    }
    break;
  }
  closeBeforeLimitRunsOut(t, horizon, rng);
}

function closeBeforeLimitRunsOut(t: GenTenancy, horizon: Day, rng: Rng): void {
  if (t.status !== 'incubating' || t.incubationEndsOn > yearEnd(yearOfDay(horizon) + 1)) return;
  const from = Math.max(t.admittedOn + 180, yearStart(yearOfDay(horizon)));
  const day = rng.int(from, horizon);
  if (rng.chance(0.75)) setGraduated(t, day);
  else setExited(t, day, rng.weighted(EXIT_REASON_MIX));
}

export function setIncubating(t: GenTenancy): void {
  Object.assign(t, { status: 'incubating', endedOn: null, exitReason: null });
}

export function setGraduated(t: GenTenancy, day: Day): void {
  Object.assign(t, { status: 'graduated', endedOn: day, exitReason: null });
}

export function setExited(t: GenTenancy, day: Day, reason: GenTenancy['exitReason']): void {
  Object.assign(t, { status: 'exited', endedOn: day, exitReason: reason });
}
