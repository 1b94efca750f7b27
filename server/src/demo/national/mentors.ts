// Torch Entrepreneur Mentors Action: a few mentors per incubator (more in big ones), each
// mentoring a handful of its tenants admitted since the programme's start.
import { dayOf } from './calendar';
import type { GenIncubator, GenTenancy } from './model';
import type { World } from './world';

const PROGRAMME_START = dayOf('2008-01-01');
const TITLES = ['教授', '研究员', '高级工程师', '投资总监', '合伙人', '律师', '注册会计师', '企业家'];
const EXPERTISE = [
  '融资与投资',
  '知识产权',
  '市场营销',
  '技术研发',
  '财务管理',
  '企业战略',
  '法律事务',
  '人力资源',
];

export function generateMentors(world: World): void {
  const rng = world.rng('mentors');
  const tenantsOf = new Map<GenIncubator, GenTenancy[]>();
  for (const t of world.tenancies()) {
    if (t.admittedOn < PROGRAMME_START) continue;
    const list = tenantsOf.get(t.incubator) ?? [];
    list.push(t);
    tenantsOf.set(t.incubator, list);
  }
  let serial = 0;
  for (const incubator of world.incubators) {
    const count = Math.min(14, Math.max(2, Math.round(2 + incubator.size * 3)));
    incubator.mentorCount = count;
    const pool = tenantsOf.get(incubator) ?? [];
    for (let i = 0; i < count; i++) {
      serial += 1;
      const mentees = new Map<GenTenancy, number>();
      const wanted = Math.min(pool.length, rng.int(2, 6));
      for (let tries = 0; mentees.size < wanted && tries < wanted * 4; tries++) {
        const t = rng.pick(pool);
        const startedOn = t.admittedOn + rng.int(15, 120);
        if (!mentees.has(t) && startedOn <= Math.min(t.endedOn ?? world.horizon, world.horizon))
          mentees.set(t, startedOn);
      }
      world.mentors.push({
        id: '',
        incubator,
        name: world.names.person(),
        title: rng.pick(TITLES),
        expertise: rng.pick(EXPERTISE),
        email: `mentor${serial}@mentors.torch.demo`,
        mentees: [...mentees].map(([tenancy, startedOn]) => ({ tenancy, startedOn })),
      });
    }
  }
}
