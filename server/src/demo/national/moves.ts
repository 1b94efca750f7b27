// Companies that moved out of one incubator and were admitted by another after 2006: the same
// company (one USCC) with a second stay, which starts after the first ended.
import { addMonths, isAdmissionException } from '@torch/shared';
import { IncubatorPicker } from './admissions';
import { dayOf, iso, yearEnd, yearOfDay } from './calendar';
import { MOVED_IN_REASON } from './companies';
import type { GenTenancy } from './model';
import { MOVE_SHARE, SHOWCASE_YEAR } from './plan';
import { openTenancy, planOutcome } from './tenancy-outcome';
import type { World } from './world';

export function generateMoves(world: World): void {
  const rng = world.rng('moves');
  const movers: GenTenancy[] = [];
  for (const t of world.tenancies()) {
    if (t.status === 'exited' && t.exitReason === 'moved_out' && t.company.tenancies.length === 1 && !t.fixed)
      movers.push(t);
  }
  const pickers = new Map<string, IncubatorPicker>();
  for (const first of movers) {
    if (!rng.chance(MOVE_SHARE)) continue;
    const readmitted = first.endedOn! + rng.int(20, 180);
    if (readmitted <= yearEnd(SHOWCASE_YEAR) || readmitted > world.horizon) continue;
    // Most movers are young enough for the admission window; a few are admitted as exceptions.
    const outsideWindow = dayOf(addMonths(iso(first.company.foundedOn), 24)) < readmitted;
    if (outsideWindow && !rng.chance(0.15)) continue;
    const year = yearOfDay(readmitted);
    const sameProvince = rng.chance(0.85);
    const key = `${year}:${sameProvince ? first.incubator.provinceCode : '*'}`;
    let picker = pickers.get(key);
    if (!picker) {
      picker = new IncubatorPicker(world.incubators).forYear(
        year,
        (i) => !sameProvince || i.provinceCode === first.incubator.provinceCode,
      );
      pickers.set(key, picker);
    }
    const incubator = picker.pick(rng);
    if (incubator === first.incubator) continue;
    const day = Math.max(readmitted, incubator.foundedOn + 7);
    if (day > world.horizon) continue;
    const exception = isAdmissionException(iso(first.company.foundedOn), iso(day));
    if (exception && !outsideWindow) continue;
    const second = openTenancy(first.company, incubator, day, exception ? MOVED_IN_REASON : null, rng);
    planOutcome(second, world.horizon, rng);
  }
}
