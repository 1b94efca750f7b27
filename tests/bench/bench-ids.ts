// The rows the benchmarked reads are about (baseline-sql.ts): found in the loaded demo dataset.
import { todayInChina } from '@torch/shared';
import { sql } from '../../server/node_modules/drizzle-orm/index.js';
import type { Database } from '../../server/src/db/client';
import { selectRows } from '../../server/src/db/rows';
import { WUHAN_INCUBATOR } from '../../server/src/demo/accounts';
import type { BenchIds } from './baseline-sql';

/** The rows the reads are about: Wuhan East Lake, and one of its tenancies with reports and investments. */
export async function benchIds(database: Database): Promise<BenchIds & { counts: Record<string, number> }> {
  const [row] = await selectRows<{
    incubator: string;
    tenant: string;
    uscc: string;
    name: string;
    tenancies: number;
  }>(
    database.db,
    sql`select i.id as incubator, t.id as tenant, c.uscc, c.name,
          (select count(*)::int from tenants where incubator_id = i.id) as tenancies
        from incubators i join tenants t on t.incubator_id = i.id join companies c on c.id = t.company_id
        where i.name = ${WUHAN_INCUBATOR.name}
          and exists (select 1 from reports r where r.tenant_id = t.id)
          and exists (select 1 from investments v where v.tenant_id = t.id)
        order by t.admitted_on, t.id limit 1`,
  );
  if (!row) throw new Error('no Wuhan tenancy with reports and investments');
  return {
    incubatorId: row.incubator,
    tenantId: row.tenant,
    usccPrefix: row.uscc.slice(0, 14),
    // After the city (two characters): the distinctive part of the name (武汉亿纳医药… → 亿纳医药).
    nameFragment: row.name.slice(2, 6),
    nameBigram: row.name.slice(2, 4),
    today: todayInChina(),
    counts: { tenancies_of_listed_incubator: row.tenancies },
  };
}
