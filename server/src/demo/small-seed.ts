// The small demo: the five demo accounts, their two incubators and a handful of tenants each.
// Used by the end-to-end tests and as the seed until the national dataset is loaded.
import { incubationEndsOn } from '@torch/shared';
import { writeAudit } from '../audit';
import type { Db } from '../db/client';
import { companies, incubatorManagers, incubators, tenants, users } from '../db/schema/index';
import { hashPassword } from '../modules/auth/passwords';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, WUHAN_INCUBATOR, ZGC_INCUBATOR } from './accounts';
import { makeUscc } from './uscc-maker';

type Field = (typeof companies.$inferInsert)['field'];

interface SeedTenant {
  name: string;
  field: Field;
  foundedOn: string;
  admittedOn: string;
  status?: 'incubating' | 'graduated' | 'exited';
  endedOn?: string;
}

const WUHAN_TENANTS: SeedTenant[] = [
  {
    name: '武汉光谷芯微电子有限公司',
    field: 'electronic_information',
    foundedOn: '2024-03-01',
    admittedOn: '2024-06-15',
  },
  {
    name: '武汉楚天生物医药科技有限公司',
    field: 'biomedicine',
    foundedOn: '2023-09-10',
    admittedOn: '2024-01-08',
  },
  {
    name: '武汉东湖激光装备有限公司',
    field: 'advanced_manufacturing',
    foundedOn: '2025-02-20',
    admittedOn: '2025-04-01',
  },
  {
    name: '武汉江城新材料科技有限公司',
    field: 'new_materials',
    foundedOn: '2022-05-05',
    admittedOn: '2022-09-01',
  },
  {
    name: '武汉云帆软件技术有限公司',
    field: 'electronic_information',
    foundedOn: '2020-01-10',
    admittedOn: '2020-06-01',
    status: 'graduated',
    endedOn: '2024-05-20',
  },
  {
    name: '武汉绿源环保科技有限公司',
    field: 'resources_environment',
    foundedOn: '2019-03-03',
    admittedOn: '2019-08-01',
    status: 'exited',
    endedOn: '2021-12-31',
  },
  {
    name: '武汉智能农业科技有限公司',
    field: 'modern_agriculture',
    foundedOn: '2020-06-01',
    admittedOn: '2020-10-10',
  },
];

const ZGC_TENANTS: SeedTenant[] = [
  {
    name: '北京中科量子信息技术有限公司',
    field: 'electronic_information',
    foundedOn: '2024-01-15',
    admittedOn: '2024-04-01',
  },
  { name: '北京星航航天科技有限公司', field: 'aerospace', foundedOn: '2023-07-01', admittedOn: '2023-10-08' },
  {
    name: '北京新能动力科技有限公司',
    field: 'new_energy',
    foundedOn: '2025-01-06',
    admittedOn: '2025-03-03',
  },
  {
    name: '北京数智高技术服务有限公司',
    field: 'high_tech_services',
    foundedOn: '2021-02-01',
    admittedOn: '2021-05-10',
    status: 'graduated',
    endedOn: '2025-01-15',
  },
];

export async function loadSmallDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [wuhan] = await tx
      .insert(incubators)
      .values({
        ...WUHAN_INCUBATOR,
        totalArea: 32000,
        tenantArea: 26000,
        publicServiceArea: 4000,
        fundSize: 30_000_000,
        staffCount: 42,
        mentorCount: 18,
      })
      .returning({ id: incubators.id });
    const [zgc] = await tx
      .insert(incubators)
      .values({
        ...ZGC_INCUBATOR,
        totalArea: 21000,
        tenantArea: 16500,
        publicServiceArea: 3000,
        fundSize: 50_000_000,
        staffCount: 35,
        mentorCount: 25,
      })
      .returning({ id: incubators.id });
    let serial = 1;
    const tenantIds: string[] = [];
    for (const [incubatorId, list, division] of [
      [wuhan!.id, WUHAN_TENANTS, '420100'],
      [zgc!.id, ZGC_TENANTS, '110108'],
    ] as const) {
      for (const t of list) {
        const profile = {
          name: t.name,
          foundedOn: t.foundedOn,
          field: t.field,
          registeredCapital: 1_000_000 * (serial + 1),
        };
        const [company] = await tx
          .insert(companies)
          .values({ uscc: makeUscc(division, 7_000_000 + serial++), ...profile })
          .returning({ id: companies.id });
        const status = t.status ?? 'incubating';
        const [tenant] = await tx
          .insert(tenants)
          .values({
            companyId: company!.id,
            incubatorId,
            ...profile,
            admittedOn: t.admittedOn,
            areaOccupied: 120 + serial * 10,
            status,
            graduatedOn: status === 'graduated' ? t.endedOn : null,
            graduationCriteria: status === 'graduated' ? ['high_tech_enterprise'] : [],
            exitedOn: status === 'exited' ? t.endedOn : null,
            exitReason: status === 'exited' ? 'moved_out' : null,
            incubationEndsOn: incubationEndsOn(t.admittedOn, { field: t.field }),
          })
          .returning({ id: tenants.id, companyId: tenants.companyId });
        tenantIds.push(tenant!.companyId);
      }
    }
    const a = DEMO_ACCOUNTS;
    await tx.insert(users).values([
      { email: a.national.email, name: a.national.name, role: 'national', passwordHash },
      {
        email: a.hubei.email,
        name: a.hubei.name,
        role: 'province',
        provinceCode: a.hubei.provinceCode,
        passwordHash,
      },
      { email: a.tenant.email, name: a.tenant.name, role: 'tenant', companyId: tenantIds[0]!, passwordHash },
    ]);
    const managers = await tx
      .insert(users)
      .values([
        { email: a.wuhan.email, name: a.wuhan.name, role: 'incubator_manager', passwordHash },
        { email: a.zgc.email, name: a.zgc.name, role: 'incubator_manager', passwordHash },
      ])
      .returning({ id: users.id });
    await tx.insert(incubatorManagers).values([
      { userId: managers[0]!.id, incubatorId: wuhan!.id },
      { userId: managers[1]!.id, incubatorId: zgc!.id },
    ]);
    await writeAudit(tx, { userId: null, action: 'demo.load', entity: 'dataset', entityId: 'small' });
  });
}
