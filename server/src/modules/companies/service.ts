// The national company identity, read across incubators (national and provincial users).
import type { CompanyDetail, CompanyListQuery, CompanyTenancy } from '@torch/shared';
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import * as q from './queries';

export async function search(db: Db, caller: Caller, query: CompanyListQuery) {
  const { rows, total } = await q.searchCompanies(db, caller, query);
  return { items: rows, total, page: query.page, pageSize: query.pageSize };
}

/** A company outside the caller's scope (no tenancy in its province) is 404, as if it did not exist. */
export async function get(db: Db, caller: Caller, id: string): Promise<CompanyDetail> {
  const rows = await q.companyWithTenancies(db, caller, id);
  const first = rows[0];
  if (!first) throw notFound('Company');
  // A company without a tenancy (left join) has one row whose tenancy columns are all null.
  const tenancies = rows.flatMap(({ tenancy }) => (tenancy.id ? [tenancy as CompanyTenancy] : []));
  return { ...first.company, tenancies };
}
