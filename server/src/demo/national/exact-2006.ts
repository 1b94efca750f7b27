// The brochure's figures for the end of 2006, made exact. The admission flow (plan.ts) lands near
// them; this trims the difference, touching only stays that start and end around 2006:
// - tenants incubating at the end of 2006 (admitted ≤ 2006-12-31, not graduated or exited by then);
// - cumulative graduates by the end of 2006 (graduated ≤ 2006-12-31, one graduation per company).
// Moves between incubators (moves.ts) only start after 2006, so nothing later disturbs these.

import { admitOne, IncubatorPicker } from './admissions';
import { yearEnd, yearStart } from './calendar';
import type { GenTenancy } from './model';
import { SHOWCASE_YEAR, TARGETS_2006 } from './plan';
import { setExited, setGraduated } from './tenancy-outcome';
import type { World } from './world';

const END_2006 = yearEnd(SHOWCASE_YEAR);

export const incubatingAtEnd2006 = (t: GenTenancy) =>
  t.admittedOn <= END_2006 && (t.endedOn === null || t.endedOn > END_2006);
export const graduatedBy2006 = (t: GenTenancy) => t.status === 'graduated' && t.endedOn! <= END_2006;
const exitedBy2006 = (t: GenTenancy) => t.status === 'exited' && t.endedOn! <= END_2006;

export function makeExact2006(world: World): void {
  const rng = world.rng('exact-2006');
  const stays = [...world.tenancies()];

  const incubating = stays.filter(incubatingAtEnd2006);
  const wantIncubating = TARGETS_2006.tenantsIncubating * world.scale;
  if (incubating.length > wantIncubating) {
    // Drop the surplus among companies admitted during 2006: the year's intake was a little smaller.
    const late = rng.shuffle(
      incubating.filter((t) => t.admittedOn >= yearStart(SHOWCASE_YEAR) && !t.incubator.demo),
    );
    for (const t of late.slice(0, incubating.length - wantIncubating)) t.company.removed = true;
  } else {
    const picker = new IncubatorPicker(world.incubators).forYear(SHOWCASE_YEAR);
    for (let i = incubating.length; i < wantIncubating; i++) {
      if (!incubatingAtEnd2006(admitOne(world, picker, SHOWCASE_YEAR, rng, END_2006)))
        throw new Error('a 2006 admission left within 2006');
    }
  }

  const graduated = stays.filter(graduatedBy2006);
  const wantGraduated = TARGETS_2006.graduatesCumulative * world.scale;
  if (graduated.length > wantGraduated) {
    for (const t of rng.shuffle(graduated).slice(0, graduated.length - wantGraduated))
      setExited(t, t.endedOn!, 'moved_out');
  } else if (graduated.length < wantGraduated) {
    // Companies that stayed long enough to graduate, recorded as exits: graduate them instead.
    const convertible = rng.shuffle(
      stays.filter((t) => exitedBy2006(t) && t.endedOn! - t.admittedOn >= 365 && t.exitReason !== 'merged'),
    );
    if (convertible.length < wantGraduated - graduated.length)
      throw new Error('not enough 2006 exits to convert into graduations');
    for (const t of convertible.slice(0, wantGraduated - graduated.length)) setGraduated(t, t.endedOn!);
  }
}
