// The criteria each graduation was recorded with (MOST 2018; any one suffices), backed by records
// so the system proves them: a high-tech enterprise certificate dated before graduation, angel/VC
// money over 5,000,000 yuan (investments.ts adds it), or two years' approved revenue over
// 10,000,000 yuan (reports.ts sizes it). A few claims are unprovable by records (an acquisition,
// or graduations under the early 1990s rules) and carry an evidence note, as the API stores them.
import { type Day, dayOf, yearOfDay } from './calendar';
import type { GenTenancy } from './model';
import type { Rng } from './prng';
import type { World } from './world';

/** National high-tech enterprise certificates exist from 1991. */
const FIRST_CERTIFICATE = dayOf('1991-03-06');

const ACQUIRED_EVIDENCE = '被上市公司整体收购，见股权转让协议及工商变更登记';
const EARLY_RULES_EVIDENCE = '按当年火炬计划孵化企业毕业标准认定，见孵化器毕业评审纪要';

function certify(t: GenTenancy, from: Day, to: Day, rng: Rng): void {
  if (to < from) return;
  t.company.highTechCertifiedOn = rng.int(from, to);
}

export function assignGraduationCriteria(world: World): void {
  const rng = world.rng('graduation');
  for (const t of world.tenancies()) {
    if (t.status !== 'graduated') {
      // Some tenants earn the certificate while incubating.
      if (rng.chance(0.1))
        certify(t, Math.max(t.admittedOn + 365, FIRST_CERTIFICATE), t.endedOn ?? world.horizon, rng);
      continue;
    }
    const graduatedOn = t.endedOn!;
    const year = yearOfDay(graduatedOn);
    const revenuePossible = year - 2 >= yearOfDay(t.admittedOn);
    const certifiable = graduatedOn >= FIRST_CERTIFICATE + 30;
    const roll = rng.next();
    if (roll < 0.03) {
      t.graduationCriteria = [];
      t.unverifiedCriteria = ['acquired'];
      t.graduationEvidence = ACQUIRED_EVIDENCE;
    } else if (roll < 0.17 && revenuePossible) {
      t.graduationCriteria = ['revenue_10m_two_years'];
      world.needsRevenue.add(t);
    } else if (roll < 0.31) {
      t.graduationCriteria = ['investment_over_5m'];
      world.needsInvestment.add(t);
    } else if (certifiable) {
      t.graduationCriteria = ['high_tech_enterprise'];
      certify(t, Math.max(t.admittedOn + 180, FIRST_CERTIFICATE), graduatedOn, rng);
      if (rng.chance(0.1)) {
        t.graduationCriteria.push('investment_over_5m');
        world.needsInvestment.add(t);
      }
    } else {
      t.graduationCriteria = [];
      t.unverifiedCriteria = ['revenue_10m_two_years'];
      t.graduationEvidence = EARLY_RULES_EVIDENCE;
    }
    // Graduates often certify afterwards too.
    if (!t.company.highTechCertifiedOn && rng.chance(0.3))
      certify(
        t,
        Math.max(graduatedOn + 30, FIRST_CERTIFICATE),
        Math.min(graduatedOn + 900, world.horizon),
        rng,
      );
  }
  for (const t of world.needsRevenue) t.company.reporter = true;
}
