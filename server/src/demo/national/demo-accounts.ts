// The demo accounts of API.md inside the national country: the national and Hubei reviewers,
// the managers of Wuhan East Lake and of the Zhongguancun incubator, and the user of one company
// incubating in Wuhan East Lake right now (admitted two years before the horizon).
import { DEMO_ACCOUNTS } from '../accounts';
import { dayOf } from './calendar';
import type { GenCompany, GenIncubator, GenUser } from './model';
import { openTenancy } from './tenancy-outcome';
import type { World } from './world';

export const DEMO_COMPANY_NAME = '武汉光谷芯微电子有限公司';

/** The demo tenant's company and stay; its reports and investments follow in later phases. */
export function addDemoTenant(world: World): void {
  const rng = world.rng('demo-tenant');
  const y = world.lastYear;
  const company: GenCompany = {
    id: '',
    uscc: '',
    division: '420100',
    name: DEMO_COMPANY_NAME,
    foundedOn: dayOf(`${y - 3}-09-01`),
    field: 'electronic_information',
    integratedCircuit: true,
    registeredCapital: 5_000_000,
    founderTraits: ['returned_scholar', 'scientist'],
    highTechCertifiedOn: dayOf(`${y - 1}-11-20`),
    legalRepresentative: '陈晓东',
    reporter: true,
    quality: 1.6,
    tenancies: [],
    removed: false,
  };
  world.companies.push(company);
  const tenancy = openTenancy(company, world.demo.wuhan, dayOf(`${y - 2}-03-15`), null, rng);
  tenancy.areaOccupied = 260;
  tenancy.fixed = true;
  world.demo.tenant = tenancy;
}

/** The five demo users; returns who reviews reports in which demo incubator. */
export function addDemoUsers(world: World): Map<GenIncubator, GenUser> {
  const a = DEMO_ACCOUNTS;
  const user = (spec: Omit<GenUser, 'id'>): GenUser => {
    const u = { id: '', ...spec };
    world.users.push(u);
    return u;
  };
  user({
    email: a.national.email,
    name: a.national.name,
    role: 'national',
    provinceCode: null,
    company: null,
    manages: [],
  });
  user({
    email: a.hubei.email,
    name: a.hubei.name,
    role: 'province',
    provinceCode: a.hubei.provinceCode,
    company: null,
    manages: [],
  });
  const wuhan = user({
    email: a.wuhan.email,
    name: a.wuhan.name,
    role: 'incubator_manager',
    provinceCode: null,
    company: null,
    manages: [world.demo.wuhan],
  });
  const zgc = user({
    email: a.zgc.email,
    name: a.zgc.name,
    role: 'incubator_manager',
    provinceCode: null,
    company: null,
    manages: [world.demo.zgc],
  });
  user({
    email: a.tenant.email,
    name: a.tenant.name,
    role: 'tenant',
    provinceCode: null,
    company: world.demo.tenant!.company,
    manages: [],
  });
  return new Map([
    [world.demo.wuhan, wuhan],
    [world.demo.zgc, zgc],
  ]);
}
