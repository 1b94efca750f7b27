// Yearly reports of the reporting companies, for every year they were tenants and the follow-up
// year after graduating. History is approved; the last two years are spread over the review
// workflow (draft, submitted, approved, returned) so managers and tenants have work to do.
// Reports are the biggest table, so they are planned eagerly (who reports, for which years) but
// their rows are generated while they are written: each pass replays the same streams.
import { FIGURE_FIELDS, jumpFlags, type ReportStatus } from '@torch/shared';
import { type Day, iso, yearOfDay, yearStart } from './calendar';
import { expectedRevenue, newFigureState, REVENUE_NOISE_FLOOR, yearFigures } from './figures';
import type { GenCompany, GenIncubator, GenTenancy, GenUser, ReportFigures } from './model';
import { FOLLOW_UP_YEARS, REPORTER_SHARE } from './plan';
import type { Rng } from './prng';
import type { Cell } from './tables';
import type { World } from './world';

const REVENUE_CRITERION_TARGET = 10_300_000;

const RETURN_COMMENTS = [
  '营业收入与上年差异较大，请核实后重新提交',
  '研发投入占比偏高，请补充研发费用明细',
  '从业人员数与社保缴纳人数不一致，请核实',
  '知识产权数量缺少证明材料，请补充',
  '出口额与海关数据不符，请更正',
];

export interface ReportPlan {
  reporters: GenCompany[];
  financing: Map<GenCompany, Map<number, number>>;
  reviewers: Map<GenIncubator, GenUser>;
  count: number;
}

/** The years each stay reports for; a later stay takes over a year it shares with an earlier one. */
function reportYears(company: GenCompany, lastYear: number): [number, GenTenancy][] {
  const years = new Map<number, GenTenancy>();
  for (const t of company.tenancies) {
    const from = yearOfDay(t.admittedOn);
    let to = lastYear;
    if (t.status === 'graduated') to = Math.min(lastYear, yearOfDay(t.endedOn!) + FOLLOW_UP_YEARS);
    // A company that left in the first half of a year did not report for it.
    if (t.status === 'exited')
      to = yearOfDay(t.endedOn!) - (t.endedOn! - yearStart(yearOfDay(t.endedOn!)) < 182 ? 1 : 0);
    for (let y = from; y <= to; y++) years.set(y, t);
  }
  return [...years].sort((a, b) => a[0] - b[0]);
}

export function planReports(world: World, reviewers: Map<GenIncubator, GenUser>): ReportPlan {
  const rng = world.rng('reporters');
  // Companies graduated on two years' revenue earn it: raise their quality until the pair clears 10m.
  for (const t of world.needsRevenue) {
    const year = yearOfDay(t.endedOn!);
    const expected =
      (expectedRevenue(t.company, year - 2) + expectedRevenue(t.company, year - 1)) * REVENUE_NOISE_FLOOR;
    t.company.quality = Math.max(t.company.quality, REVENUE_CRITERION_TARGET / expected);
  }
  const financing = new Map<GenCompany, Map<number, number>>();
  for (const inv of world.investments) {
    const company = inv.tenancy.company;
    const years = financing.get(company) ?? new Map<number, number>();
    financing.set(company, years);
    const y = yearOfDay(inv.investedOn);
    years.set(y, (years.get(y) ?? 0) + inv.amount);
  }
  const reporters: GenCompany[] = [];
  let count = 0;
  for (const company of world.companies) {
    if (company.removed) continue;
    const inDemoIncubator = company.tenancies.some((t) => t.incubator.demo);
    if (!rng.chance(REPORTER_SHARE) && !company.reporter && !inDemoIncubator) continue;
    company.reporter = true;
    reporters.push(company);
    count += reportYears(company, world.lastYear).length;
  }
  return { reporters, financing, reviewers, count };
}

function status(year: number, lastYear: number, rng: Rng): ReportStatus {
  if (year < lastYear - 1) return 'approved';
  if (year === lastYear - 1)
    return rng.weighted([
      ['approved', 82],
      ['submitted', 8],
      ['returned', 4],
      ['draft', 6],
    ]);
  return rng.weighted([
    ['draft', 30],
    ['submitted', 35],
    ['returned', 10],
    ['approved', 25],
  ]);
}

const stamp = (day: Day, rng: Rng) =>
  `${iso(day)}T${String(rng.int(8, 18)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00+08:00`;

/** The rows of table `reports`, in its column order (tables.ts). */
export function* reportRows(world: World, plan: ReportPlan): Generator<Cell[]> {
  const rng = world.rng('reports');
  const ids = world.rng('ids:reports');
  for (const company of plan.reporters) {
    const revenueProof = company.tenancies.find((t) => world.needsRevenue.has(t));
    const state = newFigureState(company, rng);
    let previous: ReportFigures | null = null;
    let previousTenancy: (typeof company.tenancies)[number] | null = null;
    for (const [year, tenancy] of reportYears(company, world.lastYear)) {
      const figures = yearFigures(company, year, plan.financing.get(company)?.get(year) ?? 0, state, rng);
      let s = status(year, world.lastYear, rng);
      if (revenueProof && year < yearOfDay(revenueProof.endedOn!)) s = 'approved';
      if (tenancy === world.demo.tenant)
        s = year === world.lastYear ? 'draft' : year === world.lastYear - 1 ? 'returned' : 'approved';
      const review = reviewFields(
        world,
        year,
        s,
        figures,
        // A jump is judged against the same incubator's last year only: another incubator's
        // report is not this one's to show (SPEC "Company identity across incubators").
        previousTenancy?.incubator === tenancy.incubator ? previous : null,
        plan.reviewers.get(tenancy.incubator) ?? null,
        rng,
      );
      previous = figures;
      previousTenancy = tenancy;
      yield [
        ids.uuid(),
        company.id,
        tenancy.id,
        tenancy.incubator.id,
        year,
        ...FIGURE_FIELDS.map((f) => figures[f]),
        s,
        ...review,
      ];
    }
  }
}

/** review_comment, flags, submitted_at, reviewed_at, reviewed_by for a report in its state. */
function reviewFields(
  world: World,
  year: number,
  s: ReportStatus,
  figures: ReportFigures,
  previous: ReportFigures | null,
  reviewer: GenUser | null,
  rng: Rng,
): Cell[] {
  if (s === 'draft') return [null, { json: [] }, null, null, null];
  // Reports are filed early the next year; the last year's early filers in its first three weeks
  // of December, reviewed within ten days, so nothing is dated after the horizon.
  const last = year === world.lastYear;
  const submitted = last ? yearStart(year) + 334 + rng.int(0, 19) : yearStart(year + 1) + rng.int(4, 58);
  const submittedAt = stamp(submitted, rng);
  const flags = { json: previous ? jumpFlags(figures, previous) : [] };
  if (s === 'submitted') return [null, flags, submittedAt, null, null];
  const reviewedAt = stamp(submitted + rng.int(1, last ? 10 : 25), rng);
  // Recent reviews in the demo incubators are their demo manager's; older history was imported.
  const by = year >= world.lastYear - 1 ? (reviewer?.id ?? null) : null;
  return [s === 'returned' ? rng.pick(RETURN_COMMENTS) : null, flags, submittedAt, reviewedAt, by];
}
