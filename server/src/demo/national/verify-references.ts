// Every foreign key of the loaded tables, checked set-based (one anti-join per key) for a load
// that skipped the per-row foreign-key triggers: a dangling reference aborts the load.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { selectRows } from '../../db/rows';

/** [table, column, referenced table, referenced column] */
const REFERENCES = [
  ['incubators', 'province_code', 'provinces', 'code'],
  ['incubators', 'park_number', 'parks', 'number'],
  ['incubators', 'field', 'fields', 'code'],
  ['companies', 'field', 'fields', 'code'],
  ['tenants', 'company_id', 'companies', 'id'],
  ['tenants', 'incubator_id', 'incubators', 'id'],
  ['tenants', 'field', 'fields', 'code'],
  ['users', 'province_code', 'provinces', 'code'],
  ['users', 'company_id', 'companies', 'id'],
  ['incubator_managers', 'user_id', 'users', 'id'],
  ['incubator_managers', 'incubator_id', 'incubators', 'id'],
  ['listings', 'company_id', 'companies', 'id'],
  ['listings', 'tenant_id', 'tenants', 'id'],
  ['listings', 'incubator_id', 'incubators', 'id'],
  ['investments', 'company_id', 'companies', 'id'],
  ['investments', 'tenant_id', 'tenants', 'id'],
  ['investments', 'incubator_id', 'incubators', 'id'],
  ['reports', 'company_id', 'companies', 'id'],
  ['reports', 'tenant_id', 'tenants', 'id'],
  ['reports', 'incubator_id', 'incubators', 'id'],
  ['reports', 'reviewed_by', 'users', 'id'],
  ['mentors', 'incubator_id', 'incubators', 'id'],
  ['mentorships', 'mentor_id', 'mentors', 'id'],
  ['mentorships', 'tenant_id', 'tenants', 'id'],
  ['mentorships', 'incubator_id', 'incubators', 'id'],
] as const;

export async function verifyReferences(tx: Tx): Promise<void> {
  const checks = REFERENCES.map(
    ([table, column, target, key]) =>
      `select '${table}.${column}' as reference from ${table} t where t.${column} is not null and not exists (select 1 from ${target} r where r.${key} = t.${column})`,
  );
  const rows = await selectRows<{ reference: string }>(
    tx,
    sql.raw(`select distinct reference from (${checks.join(' union all ')}) dangling`),
  );
  if (rows.length > 0)
    throw new Error(`demo load: dangling references in ${rows.map((r) => r.reference).join(', ')}`);
}
