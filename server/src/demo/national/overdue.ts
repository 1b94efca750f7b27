// A realistic few tenants still incubating past their incubation limit at the horizon: the
// dashboards' overdue list. Taken from single-stay companies admitted after 2006 whose recorded
// end is simply not there yet; two of them in Wuhan East Lake, so its manager sees the list.
import { yearEnd, yearStart } from './calendar';
import type { GenTenancy } from './model';
import { OVERDUE_TENANTS, SHOWCASE_YEAR } from './plan';
import { setIncubating } from './tenancy-outcome';
import type { World } from './world';

export function generateOverdue(world: World): void {
  const rng = world.rng('overdue');
  const from = Math.max(yearStart(world.lastYear - 6), yearEnd(SHOWCASE_YEAR) + 1);
  const to = yearEnd(world.lastYear - 4);
  const candidates: GenTenancy[] = [];
  for (const t of world.tenancies()) {
    if (t.fixed || t.company.tenancies.length !== 1 || t.status === 'incubating') continue;
    if (t.admittedOn >= from && t.admittedOn <= to && t.incubationEndsOn < world.horizon - 30)
      candidates.push(t);
  }
  rng.shuffle(candidates);
  const wuhan = candidates.filter((t) => t.incubator === world.demo.wuhan).slice(0, 2);
  const others = candidates.filter((t) => t.incubator !== world.demo.wuhan);
  for (const t of [...wuhan, ...others].slice(0, OVERDUE_TENANTS * world.scale)) setIncubating(t);
}
