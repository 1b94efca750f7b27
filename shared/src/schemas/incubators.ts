import { z } from 'zod';
import { Count, IsoDate, PageQuery, PastDate, SquareMetres, Version, Yuan } from './common';
import { IncubatorLevel, IncubatorType, LegalNature } from './enums';
import { InvitationCreated } from './invitations';
import { FieldCodeSchema, ProvinceCode } from './reference';

const incubatorFields = {
  name: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().max(200).nullable().optional(),
  provinceCode: ProvinceCode,
  city: z.string().trim().min(1).max(60),
  parkNumber: z.number().int().min(1).max(54).nullable().optional(),
  type: IncubatorType,
  /** Only for `specialized` incubators: the field they specialise in. */
  field: FieldCodeSchema.nullable().optional(),
  level: IncubatorLevel,
  legalNature: LegalNature,
  foundedOn: PastDate,
  totalArea: SquareMetres,
  tenantArea: SquareMetres,
  publicServiceArea: SquareMetres.default(0),
  fundSize: Yuan.default(0),
  staffCount: Count.default(0),
  mentorCount: Count.default(0),
};

function areasInOrder(v: { totalArea?: number; tenantArea?: number }, ctx: z.RefinementCtx) {
  if (v.totalArea !== undefined && v.tenantArea !== undefined && v.tenantArea > v.totalArea) {
    ctx.addIssue({ code: 'custom', path: ['tenantArea'], message: 'tenant_area_exceeds_total' });
  }
}

function fieldOnlyWhenSpecialized(v: { type?: string; field?: string | null }, ctx: z.RefinementCtx) {
  if (v.type === 'specialized' && !v.field) {
    ctx.addIssue({ code: 'custom', path: ['field'], message: 'specialized_needs_field' });
  }
}

/**
 * National registers an incubator, optionally inviting its first manager (a one-time link in the
 * answer, `managerInvitation`). Accounts come by invitation: a `manager.password` chosen by someone
 * else is refused (400, errors[].path `manager.password`).
 */
export const IncubatorCreate = z
  .strictObject({
    ...incubatorFields,
    manager: z
      .strictObject({
        email: z.string().trim().toLowerCase().pipe(z.email()),
        name: z.string().trim().min(1).max(60),
        password: z
          .never({ error: 'manager_password_not_accepted: the manager is invited and sets a password' })
          .optional(),
      })
      .optional(),
  })
  .superRefine(areasInOrder)
  .superRefine(fieldOnlyWhenSpecialized);
export type IncubatorCreate = z.infer<typeof IncubatorCreate>;

export const IncubatorPatch = z
  .strictObject({
    version: Version,
    name: incubatorFields.name.optional(),
    nameEn: incubatorFields.nameEn,
    city: incubatorFields.city.optional(),
    parkNumber: incubatorFields.parkNumber,
    type: IncubatorType.optional(),
    field: incubatorFields.field,
    level: IncubatorLevel.optional(),
    legalNature: LegalNature.optional(),
    foundedOn: PastDate.optional(),
    totalArea: SquareMetres.optional(),
    tenantArea: SquareMetres.optional(),
    publicServiceArea: SquareMetres.optional(),
    fundSize: Yuan.optional(),
    staffCount: Count.optional(),
    mentorCount: Count.optional(),
  })
  .superRefine(areasInOrder);
export type IncubatorPatch = z.infer<typeof IncubatorPatch>;

/** Fields only the national reviewer may change: they decide which rollups an incubator is in. */
export const INCUBATOR_NATIONAL_ONLY_FIELDS = ['type', 'level', 'parkNumber'] as const;

export const Incubator = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
  provinceCode: z.string(),
  city: z.string(),
  parkNumber: z.number().int().nullable(),
  type: IncubatorType,
  field: FieldCodeSchema.nullable(),
  level: IncubatorLevel,
  legalNature: LegalNature,
  foundedOn: IsoDate,
  totalArea: z.number(),
  tenantArea: z.number(),
  publicServiceArea: z.number(),
  fundSize: z.number(),
  staffCount: z.number().int(),
  mentorCount: z.number().int(),
  tenantsIncubating: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incubator = z.infer<typeof Incubator>;

/** The answer to a registration: the incubator, and the first manager's invitation when one was asked. */
export const IncubatorCreated = Incubator.extend({ managerInvitation: InvitationCreated.optional() });
export type IncubatorCreated = z.infer<typeof IncubatorCreated>;

export const INCUBATOR_SORTS = [
  'name',
  '-name',
  'foundedOn',
  '-foundedOn',
  'tenantsIncubating',
  '-tenantsIncubating',
] as const;

export const IncubatorListQuery = PageQuery.extend({
  province: ProvinceCode.optional(),
  park: z.coerce.number().int().min(1).max(54).optional(),
  type: IncubatorType.optional(),
  level: IncubatorLevel.optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(INCUBATOR_SORTS).default('name'),
});
export type IncubatorListQuery = z.infer<typeof IncubatorListQuery>;
