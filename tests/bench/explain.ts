// EXPLAIN (ANALYZE, BUFFERS) of the product's own list statement for each benchmarked read: the
// services run against a drizzle whose logger keeps the statements, and the last one (the list;
// every read is one statement, or the parent check and the list) is explained on PostgreSQL.
import { CompanyListQuery, IncubatorListQuery, TenantListQuery } from '@torch/shared';
import postgres from 'postgres';
// drizzle-orm is the server's dependency, not the tests'; reach it where the server has it.
import { drizzle } from '../../server/node_modules/drizzle-orm/postgres-js/index.js';
import { type Db, PLANNER_SETTINGS } from '../../server/src/db/client';
import * as schema from '../../server/src/db/schema/index';
import * as companies from '../../server/src/modules/companies/service';
import * as incubators from '../../server/src/modules/incubators/service';
import * as investments from '../../server/src/modules/investments/service';
import * as reports from '../../server/src/modules/reports/service';
import * as tenants from '../../server/src/modules/tenants/service';
import type { BenchIds, BenchRead } from './baseline-sql';

const caller = {
  userId: '00000000-0000-0000-0000-000000000000',
  sessionId: '00000000-0000-0000-0000-000000000000',
  role: 'national' as const,
  incubatorIds: [],
  provinceCode: null,
  companyId: null,
};

/** The service call behind each read's endpoint, from its path and query. */
function call(db: Db, read: BenchRead, ids: BenchIds) {
  const url = new URL(read.path, 'http://x');
  const query = Object.fromEntries(url.searchParams);
  if (url.pathname.endsWith('/tenants'))
    return tenants.listOfIncubator(db, caller, ids.incubatorId, TenantListQuery.parse(query));
  if (url.pathname === '/incubators') return incubators.list(db, caller, IncubatorListQuery.parse(query));
  if (url.pathname === '/companies') return companies.search(db, caller, CompanyListQuery.parse(query));
  if (url.pathname.endsWith('/reports')) return reports.listOfTenant(db, caller, ids.tenantId, 1, 50);
  if (url.pathname.endsWith('/investments')) return investments.listOfTenant(db, caller, ids.tenantId);
  throw new Error(`no service call for ${read.path}`);
}

export async function explainReads(url: string, reads: BenchRead[], ids: BenchIds) {
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: PLANNER_SETTINGS,
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  const sections: string[] = [];
  for (const read of reads) {
    const statements: { text: string; params: unknown[] }[] = [];
    const db = drizzle(client, {
      schema,
      logger: { logQuery: (text: string, params: unknown[]) => statements.push({ text, params }) },
    }) as unknown as Db;
    await call(db, read, ids);
    const last = statements.at(-1)!;
    // Once to warm the cache, once to show.
    await client.unsafe(`explain (analyze, buffers) ${last.text}`, last.params as never[]);
    const plan = await client.unsafe(`explain (analyze, buffers) ${last.text}`, last.params as never[]);
    sections.push(
      `### ${read.name} — \`GET ${read.path.replaceAll(ids.incubatorId, ':id').replaceAll(ids.tenantId, ':tenantId')}\`

Statements per request: ${statements.length}.

\`\`\`
${plan.map((row) => row['QUERY PLAN']).join('\n')}
\`\`\``,
    );
  }
  await client.end();
  return sections.join('\n\n');
}
