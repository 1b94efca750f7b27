import { z } from 'zod';
import { normalizeUscc, usccProblem } from '../rules/uscc';
import { IsoDate, PageQuery, PastDate, SquareMetres, Version, Yuan } from './common';
import { ExitReason, FounderTrait, GraduationCriterion, TenantStatus } from './enums';
import { FieldCodeSchema } from './reference';

export const Uscc = z
  .string()
  .transform(normalizeUscc)
  .superRefine((code, ctx) => {
    const problem = usccProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Company fields the company itself owns: a tenant user may edit exactly these. */
const companyProfileFields = {
  name: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().max(200).nullable(),
  field: FieldCodeSchema,
  /** Integrated-circuit companies get the longer (60-month) incubation limit. */
  integratedCircuit: z.boolean(),
  registeredCapital: Yuan,
  founderTraits: z
    .array(FounderTrait)
    .max(4)
    .refine((a) => new Set(a).size === a.length, 'duplicate_trait'),
  legalRepresentative: z.string().trim().max(60).nullable(),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{5,30}$/, 'phone')
    .nullable(),
  // Only web addresses: a javascript: or data: URL would be a script in every page that links it.
  website: z
    .url({ protocol: /^https?$/ })
    .max(200)
    .nullable(),
};

/** Fields the incubator verifies: managers edit them, the company may not. */
const managedFields = {
  foundedOn: PastDate,
  admittedOn: PastDate,
  areaOccupied: SquareMetres,
  highTechCertifiedOn: PastDate.nullable(),
  admissionExceptionReason: z.string().trim().min(4).max(500).nullable(),
};

export const TENANT_PROFILE_FIELDS = Object.keys(
  companyProfileFields,
) as (keyof typeof companyProfileFields)[];
export const TENANT_MANAGED_FIELDS = Object.keys(managedFields) as (keyof typeof managedFields)[];
/** Known fields that change only through their own workflow (admission, graduation, exit). */
export const TENANT_READONLY_FIELDS = [
  'id',
  'uscc',
  'status',
  'incubatorId',
  'companyId',
  'graduatedOn',
  'exitedOn',
  'exitReason',
  'graduationCriteria',
] as const;

function datesInOrder(
  v: { foundedOn?: string; admittedOn?: string; highTechCertifiedOn?: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.foundedOn && v.admittedOn && v.admittedOn < v.foundedOn) {
    ctx.addIssue({ code: 'custom', path: ['admittedOn'], message: 'admitted_before_founded' });
  }
  if (v.foundedOn && v.highTechCertifiedOn && v.highTechCertifiedOn < v.foundedOn) {
    ctx.addIssue({ code: 'custom', path: ['highTechCertifiedOn'], message: 'certified_before_founded' });
  }
}

export const TenantCreate = z
  .strictObject({
    uscc: Uscc,
    name: companyProfileFields.name,
    nameEn: companyProfileFields.nameEn.optional(),
    field: companyProfileFields.field,
    integratedCircuit: companyProfileFields.integratedCircuit.default(false),
    registeredCapital: companyProfileFields.registeredCapital.default(0),
    founderTraits: companyProfileFields.founderTraits.default([]),
    legalRepresentative: companyProfileFields.legalRepresentative.optional(),
    contactPhone: companyProfileFields.contactPhone.optional(),
    website: companyProfileFields.website.optional(),
    foundedOn: managedFields.foundedOn,
    admittedOn: managedFields.admittedOn,
    areaOccupied: managedFields.areaOccupied.default(0),
    highTechCertifiedOn: managedFields.highTechCertifiedOn.optional(),
    admissionExceptionReason: managedFields.admissionExceptionReason.optional(),
  })
  .superRefine(datesInOrder);
export type TenantCreate = z.input<typeof TenantCreate>;

/**
 * A PATCH names every field any role may write; which of them the caller may write is the
 * service's decision (403 for the rest). Read-only fields are accepted by the parser only so
 * that the service can answer 403 rather than "unknown field".
 */
export const TenantPatch = z
  .strictObject({
    version: Version,
    ...Object.fromEntries(Object.entries(companyProfileFields).map(([k, s]) => [k, s.optional()])),
    ...Object.fromEntries(Object.entries(managedFields).map(([k, s]) => [k, s.optional()])),
    ...Object.fromEntries(TENANT_READONLY_FIELDS.map((k) => [k, z.unknown().optional()])),
  } as {
    version: typeof Version;
  } & { [K in keyof typeof companyProfileFields]: z.ZodOptional<(typeof companyProfileFields)[K]> } & {
    [K in keyof typeof managedFields]: z.ZodOptional<(typeof managedFields)[K]>;
  } & { [K in (typeof TENANT_READONLY_FIELDS)[number]]: z.ZodOptional<z.ZodUnknown> })
  .superRefine(datesInOrder);
export type TenantPatch = z.infer<typeof TenantPatch>;

/**
 * A company user's profile edit that would move the incubation deadline, waiting for the manager:
 * the values asked for and the deadline they would give.
 */
export const TenantPendingChange = z.object({
  field: FieldCodeSchema,
  integratedCircuit: z.boolean(),
  incubationEndsOn: IsoDate,
  since: z.string(),
});
export type TenantPendingChange = z.infer<typeof TenantPendingChange>;

export const Tenant = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  incubatorId: z.uuid(),
  incubatorName: z.string(),
  uscc: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  field: FieldCodeSchema,
  integratedCircuit: z.boolean(),
  registeredCapital: z.number(),
  founderTraits: z.array(FounderTrait),
  legalRepresentative: z.string().nullable(),
  contactPhone: z.string().nullable(),
  website: z.string().nullable(),
  foundedOn: IsoDate,
  admittedOn: IsoDate,
  areaOccupied: z.number(),
  highTechCertifiedOn: IsoDate.nullable(),
  admissionExceptionReason: z.string().nullable(),
  status: TenantStatus,
  graduatedOn: IsoDate.nullable(),
  exitedOn: IsoDate.nullable(),
  exitReason: ExitReason.nullable(),
  graduationCriteria: z.array(GraduationCriterion),
  /** Last day of the incubation period (48 or 60 months after admission). */
  incubationEndsOn: IsoDate,
  /** Still incubating after the incubation limit. */
  overdue: z.boolean(),
  /** A deadline-moving edit by the company awaiting the manager's confirmation (null: none). */
  pendingChange: TenantPendingChange.nullable().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Tenant = z.infer<typeof Tenant>;

export const TENANT_SORTS = [
  'name',
  '-name',
  'admittedOn',
  '-admittedOn',
  'foundedOn',
  '-foundedOn',
] as const;

export const TenantListQuery = PageQuery.extend({
  status: TenantStatus.optional(),
  field: FieldCodeSchema.optional(),
  q: z.string().trim().max(100).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(TENANT_SORTS).default('-admittedOn'),
});
export type TenantListQuery = z.infer<typeof TenantListQuery>;
