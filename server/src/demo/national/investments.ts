// Money into tenants during their stay, by era: Innofund grants from 1999, the incubators' own
// seed funds, angels and VCs (more after 2008), bank loans, and from mid-2007 the VC
// Introductory Fund's parallel investments, capped at half the VC's equity and 3,000,000 yuan.
import { GRADUATION_INVESTMENT_THRESHOLD, type InvestorKind, parallelInvestmentCap } from '@torch/shared';
import { type Day, dayOf, yearOfDay } from './calendar';
import type { GenInvestment, GenTenancy } from './model';
import type { Rng } from './prng';
import type { World } from './world';

const INTRODUCTORY_FUND_START = dayOf('2007-07-01');
const round10k = (x: number) => Math.max(10_000, Math.round(x / 10_000) * 10_000);
const share = (rng: Rng, min: number, max: number) => Math.round((min + rng.next() * (max - min)) * 10) / 10;

const VC_EARLY = [
  '中国新技术创业投资公司',
  '深圳市创新投资集团',
  'IDG技术创业投资基金',
  '上海联创投资',
  '北京科技风险投资股份有限公司',
];
const VC_LATER = [
  ...VC_EARLY,
  '红杉资本中国',
  '启明创投',
  '达晨创投',
  '君联资本',
  '毅达资本',
  '经纬中国',
  '北极光创投',
  '中科创星',
];
const BANKS = ['国家开发银行', '中国工商银行', '中国银行', '交通银行', '招商银行', '北京银行', '杭州银行'];
const ROUNDS = ['Pre-A轮', 'A轮', 'B轮', 'C轮'];

export function generateInvestments(world: World): void {
  const rng = world.rng('investments');
  for (const t of world.tenancies()) {
    const last = Math.min(t.endedOn ?? world.horizon, world.horizon);
    if (last - t.admittedOn < 30) continue;
    const year = yearOfDay(t.admittedOn);
    const q = Math.min(2, t.company.quality);
    const day = () => rng.int(t.admittedOn + 15, last);
    const add = (kind: InvestorKind, inv: Omit<GenInvestment, 'id' | 'tenancy' | 'investorKind'>) => {
      world.investments.push({ id: '', tenancy: t, investorKind: kind, ...inv });
      return inv;
    };
    const equity = { instrument: 'equity' as const, coInvestingVcAmount: null };

    if (year >= 1999 && rng.chance(0.09 * q)) {
      add('government_grant', {
        investorName: '科技型中小企业技术创新基金',
        instrument: 'grant',
        amount: Math.min(2_000_000, round10k(rng.logNormal(700_000, 0.5))),
        investedOn: day(),
        round: null,
        equityShare: null,
        coInvestingVcAmount: null,
      });
    }
    if (rng.chance((year < 2000 ? 0.02 : year < 2010 ? 0.04 : 0.07) * q)) {
      add('incubator_fund', {
        ...equity,
        investorName: `${t.incubator.name}孵化基金`,
        amount: round10k(rng.logNormal(800_000, 0.6)),
        investedOn: day(),
        round: '种子轮',
        equityShare: share(rng, 3, 15),
      });
    }
    if (rng.chance((year < 2000 ? 0.01 : year < 2012 ? 0.03 : 0.06) * q)) {
      add('angel', {
        ...equity,
        investorName: `天使投资人${world.names.person()}`,
        amount: round10k(rng.logNormal(1_500_000, 0.6)),
        investedOn: day(),
        round: '天使轮',
        equityShare: share(rng, 5, 20),
      });
    }
    const needsMoney = world.needsInvestment.has(t);
    if (needsMoney || rng.chance((year < 1998 ? 0.01 : year < 2008 ? 0.03 : 0.05) * q)) {
      const vc = add('vc', {
        ...equity,
        investorName: rng.pick(year < 2005 ? VC_EARLY : VC_LATER),
        amount: round10k(
          Math.max(
            needsMoney ? GRADUATION_INVESTMENT_THRESHOLD + 200_000 : 2_000_000,
            rng.logNormal(9_000_000, 0.7),
          ),
        ),
        investedOn: needsMoney
          ? rng.int(t.admittedOn + 15, Math.max(t.admittedOn + 15, t.endedOn! - 30))
          : day(),
        round: rng.pick(ROUNDS),
        equityShare: share(rng, 8, 30),
      });
      if (vc.investedOn >= INTRODUCTORY_FUND_START && rng.chance(0.2))
        parallel(world, t, vc.amount, vc.investedOn, last, rng);
    }
    if (rng.chance((year < 2005 ? 0.02 : 0.04) * q)) {
      add('bank_loan', {
        investorName: rng.pick(BANKS),
        instrument: 'loan',
        amount: round10k(rng.logNormal(2_000_000, 0.7)),
        investedOn: day(),
        round: null,
        equityShare: null,
        coInvestingVcAmount: null,
      });
    }
    if (rng.chance(0.01)) {
      add('other', {
        investorName: null,
        instrument: 'other',
        amount: round10k(rng.logNormal(500_000, 0.6)),
        investedOn: day(),
        round: null,
        equityShare: null,
        coInvestingVcAmount: null,
      });
    }
  }
}

/** The introductory fund co-invests alongside the VC, within the shared rule's cap. */
function parallel(world: World, t: GenTenancy, vcAmount: number, vcDay: Day, last: Day, rng: Rng): void {
  const cap = parallelInvestmentCap(vcAmount);
  const amount = Math.floor((cap * (0.4 + rng.next() * 0.6)) / 10_000) * 10_000;
  if (amount <= 0) return;
  world.investments.push({
    id: '',
    tenancy: t,
    investorKind: 'government_grant',
    investorName: '科技型中小企业创业投资引导基金',
    instrument: 'parallel_investment',
    amount,
    investedOn: Math.min(last, vcDay + rng.int(0, 30)),
    round: null,
    equityShare: share(rng, 1, 8),
    coInvestingVcAmount: vcAmount,
  });
}
