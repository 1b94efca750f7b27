// The flow of first stays, year by year from 1987: each admitted company goes to an incubator
// that already exists, chosen in proportion to its capacity (new incubators fill up over about
// two years), and gets its outcome drawn.
import { type Day, yearEnd, yearStart } from './calendar';
import { newCompany } from './companies';
import type { GenIncubator, GenTenancy } from './model';
import { admissions, FIRST_YEAR } from './plan';
import type { Rng } from './prng';
import { openTenancy, planOutcome } from './tenancy-outcome';
import type { World } from './world';

/** Picks an existing incubator by capacity; rebuilt once per year. */
export class IncubatorPicker {
  private incubators: GenIncubator[] = [];
  private cumulative: number[] = [];

  constructor(private readonly all: readonly GenIncubator[]) {}

  forYear(year: number, filter?: (i: GenIncubator) => boolean): this {
    const mid = yearStart(year) + 182;
    // Only incubators open for a week before the year ends, so an admission stays in its year.
    this.incubators = this.all.filter(
      (i) => i.foundedOn + OPENING_DAYS <= yearEnd(year) && (!filter || filter(i)),
    );
    let sum = 0;
    this.cumulative = this.incubators.map((i) => {
      const ageYears = Math.max(0, (mid - i.foundedOn) / 365);
      sum += i.size * Math.min(1, 0.3 + ageYears * 0.45);
      return sum;
    });
    return this;
  }

  get empty(): boolean {
    return this.incubators.length === 0;
  }

  pick(rng: Rng): GenIncubator {
    const r = rng.next() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.incubators[lo]!;
  }
}

/** A new incubator admits from its second week. */
const OPENING_DAYS = 7;

/** A day in `year` on which `incubator` already admits. */
export function admissionDay(incubator: GenIncubator, year: number, rng: Rng): Day {
  const opens = Math.max(yearStart(year), incubator.foundedOn + OPENING_DAYS);
  const day = yearStart(year) + rng.int(0, 364);
  return day >= opens ? day : rng.int(opens, Math.max(opens, yearEnd(year)));
}

/** One first stay in `year`, its company and its outcome. */
export function admitOne(
  world: World,
  picker: IncubatorPicker,
  year: number,
  rng: Rng,
  notBefore?: Day,
): GenTenancy {
  const incubator = picker.pick(rng);
  const admittedOn = Math.min(admissionDay(incubator, year, rng), world.horizon);
  const { company, exceptionReason } = newCompany(world, incubator, admittedOn, rng);
  world.companies.push(company);
  const tenancy = openTenancy(company, incubator, admittedOn, exceptionReason, rng);
  planOutcome(tenancy, world.horizon, rng, notBefore);
  return tenancy;
}

export function generateAdmissions(world: World): void {
  const rng = world.rng('admissions');
  const picker = new IncubatorPicker(world.incubators);
  for (let year = FIRST_YEAR; year <= world.lastYear; year++) {
    picker.forYear(year);
    const n = admissions(year) * world.scale;
    for (let i = 0; i < n; i++) admitOne(world, picker, year, rng);
  }
}
