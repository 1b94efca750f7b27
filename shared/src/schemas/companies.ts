// The national company identity (SPEC "Company identity across incubators"): found by name or USCC
// across incubators by the national and provincial users, with every stay it had in their scope.
import { z } from 'zod';
import { IsoDate, PageQuery } from './common';
import { TenantStatus } from './enums';
import { FieldCodeSchema } from './reference';

export const CompanyListQuery = PageQuery.extend({
  /** Part of the name or English name (two characters or more), or the start of the USCC. */
  q: z.string().trim().min(2).max(100),
});
export type CompanyListQuery = z.infer<typeof CompanyListQuery>;

export const Company = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  field: FieldCodeSchema,
  foundedOn: IsoDate,
});
export type Company = z.infer<typeof Company>;

/**
 * One stay of the company in an incubator; `id` is the tenancy (GET /tenants/:id). `name`, `nameEn`,
 * `field` and `foundedOn` are the company as that incubator recorded it (the national record above
 * is the current one).
 */
export const CompanyTenancy = z.object({
  id: z.uuid(),
  incubatorId: z.uuid(),
  incubatorName: z.string(),
  provinceCode: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  field: FieldCodeSchema,
  foundedOn: IsoDate,
  admittedOn: IsoDate,
  status: TenantStatus,
  graduatedOn: IsoDate.nullable(),
  exitedOn: IsoDate.nullable(),
});
export type CompanyTenancy = z.infer<typeof CompanyTenancy>;

export const CompanyDetail = Company.extend({
  /** Every tenancy in the caller's scope, latest admission first. */
  tenancies: z.array(CompanyTenancy),
});
export type CompanyDetail = z.infer<typeof CompanyDetail>;
