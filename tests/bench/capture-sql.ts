// The exact statements (text and parameters) an endpoint's service runs, captured through drizzle's
// query logger, so the baseline server can run the very same SQL without the framework around it.
import { TenantListQuery } from '@torch/shared';
import postgres from 'postgres';
// drizzle-orm is the server's dependency, not the tests'; reach it where the server has it.
import { drizzle } from '../../server/node_modules/drizzle-orm/postgres-js/index.js';
import type { Db } from '../../server/src/db/client';
import * as schema from '../../server/src/db/schema/index';
import { listOfIncubator } from '../../server/src/modules/tenants/service';

export interface Statement {
  text: string;
  params: unknown[];
}

/** What GET /api/v1/incubators/:id/tenants (defaults, as a national user) sends to the database. */
export async function listEndpointStatements(url: string, incubatorId: string): Promise<Statement[]> {
  const statements: Statement[] = [];
  const client = postgres(url, {
    max: 1,
    onnotice: () => {},
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  const db = drizzle(client, {
    schema,
    logger: { logQuery: (text: string, params: unknown[]) => statements.push({ text, params }) },
  }) as unknown as Db;
  const caller = {
    userId: '00000000-0000-0000-0000-000000000000',
    sessionId: '00000000-0000-0000-0000-000000000000',
    role: 'national' as const,
    incubatorIds: [],
    provinceCode: null,
    companyId: null,
  };
  await listOfIncubator(db, caller, incubatorId, TenantListQuery.parse({}));
  await client.end();
  return statements;
}
