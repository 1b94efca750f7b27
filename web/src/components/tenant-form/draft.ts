// The tenant forms hold what the person typed (strings); these functions turn it into API values.
// Validation is not done here: the shared zod schemas (TenantCreate, TenantPatch) do it.
import {
  type FounderTrait,
  isAdmissionException,
  type TENANT_MANAGED_FIELDS,
  type TENANT_PROFILE_FIELDS,
  type Tenant,
  todayInChina,
} from '@torch/shared';
import { wanToYuan, yuanToWanInput } from '../../format';

export interface TenantDraft {
  uscc: string;
  name: string;
  nameEn: string;
  field: string;
  integratedCircuit: boolean;
  /** Typed in 万元; the API takes integer yuan. */
  registeredCapitalWan: string;
  founderTraits: FounderTrait[];
  legalRepresentative: string;
  contactPhone: string;
  website: string;
  foundedOn: string;
  admittedOn: string;
  areaOccupied: string;
  highTechCertifiedOn: string;
  admissionExceptionReason: string;
}

export type ProfileField = (typeof TENANT_PROFILE_FIELDS)[number];
export type ManagedField = (typeof TENANT_MANAGED_FIELDS)[number];
export type EditableField = ProfileField | ManagedField;

export function emptyDraft(): TenantDraft {
  return {
    uscc: '',
    name: '',
    nameEn: '',
    field: '',
    integratedCircuit: false,
    registeredCapitalWan: '',
    founderTraits: [],
    legalRepresentative: '',
    contactPhone: '',
    website: '',
    foundedOn: '',
    admittedOn: todayInChina(),
    areaOccupied: '',
    highTechCertifiedOn: '',
    admissionExceptionReason: '',
  };
}

export function draftFromTenant(tenant: Tenant): TenantDraft {
  return {
    uscc: tenant.uscc,
    name: tenant.name,
    nameEn: tenant.nameEn ?? '',
    field: tenant.field,
    integratedCircuit: tenant.integratedCircuit,
    registeredCapitalWan: yuanToWanInput(tenant.registeredCapital),
    founderTraits: [...tenant.founderTraits],
    legalRepresentative: tenant.legalRepresentative ?? '',
    contactPhone: tenant.contactPhone ?? '',
    website: tenant.website ?? '',
    foundedOn: tenant.foundedOn,
    admittedOn: tenant.admittedOn,
    areaOccupied: String(tenant.areaOccupied),
    highTechCertifiedOn: tenant.highTechCertifiedOn ?? '',
    admissionExceptionReason: tenant.admissionExceptionReason ?? '',
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The admission-window rule (SPEC §4) from the shared rules: then a reason is asked for. */
export function needsExceptionReason(draft: TenantDraft): boolean {
  return (
    ISO_DATE.test(draft.foundedOn) &&
    ISO_DATE.test(draft.admittedOn) &&
    isAdmissionException(draft.foundedOn, draft.admittedOn)
  );
}

const textOrNull = (text: string) => text.trim() || null;
const textOrUndefined = (text: string) => text.trim() || undefined;
/** Blank is "not given"; anything else is a number or NaN, which the schema refuses as such. */
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** Every editable field as the API would receive it. */
export function draftValues(draft: TenantDraft): Record<EditableField, unknown> {
  return {
    name: draft.name.trim(),
    nameEn: textOrNull(draft.nameEn),
    field: textOrUndefined(draft.field),
    integratedCircuit: draft.integratedCircuit,
    registeredCapital:
      draft.registeredCapitalWan.trim() === '' ? undefined : wanToYuan(draft.registeredCapitalWan),
    founderTraits: draft.founderTraits,
    legalRepresentative: textOrNull(draft.legalRepresentative),
    contactPhone: textOrNull(draft.contactPhone),
    website: textOrNull(draft.website),
    foundedOn: textOrUndefined(draft.foundedOn),
    admittedOn: textOrUndefined(draft.admittedOn),
    areaOccupied: numberOrUndefined(draft.areaOccupied),
    highTechCertifiedOn: textOrNull(draft.highTechCertifiedOn),
    admissionExceptionReason: needsExceptionReason(draft)
      ? textOrNull(draft.admissionExceptionReason)
      : undefined,
  };
}

/** The body of POST /incubators/:id/tenants, before the schema checks it. */
export function admitInput(draft: TenantDraft): Record<string, unknown> {
  const values = draftValues(draft);
  return Object.fromEntries(
    Object.entries({ uscc: draft.uscc, ...values }).filter(
      ([, value]) => value !== undefined && value !== null,
    ),
  );
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join() === [...b].sort().join();
  return a === b;
}

/** Only what changed, among the fields this caller may write: the PATCH must not carry others. */
export function patchChanges(
  draft: TenantDraft,
  tenant: Tenant,
  fields: readonly EditableField[],
): Record<string, unknown> {
  const values = draftValues(draft);
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (value !== undefined && !same(value, tenant[field])) changes[field] = value;
  }
  return changes;
}

/** Client-side rule the schemas cannot express alone: the reason the admission window needs. */
export function missingExceptionReason(draft: TenantDraft): boolean {
  return needsExceptionReason(draft) && !draft.admissionExceptionReason.trim();
}
