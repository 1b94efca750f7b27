// The tenant forms hold what the person typed (strings, named like the schema's fields); these
// functions turn it into API values. Validation is the shared TenantCreate's and TenantPatch's.
import {
  type FieldProblem,
  type FounderTrait,
  isAdmissionException,
  type TENANT_MANAGED_FIELDS,
  type TENANT_PROFILE_FIELDS,
  type Tenant,
  todayInChina,
} from '@torch/shared';
import { yuanToWanInput } from '../../format';
import { number, text, textOrNull, wan } from '../form/body';

export interface TenantValues {
  uscc: string;
  name: string;
  nameEn: string;
  field: string;
  integratedCircuit: boolean;
  /** Typed in 万元; the API takes integer yuan. */
  registeredCapital: string;
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

export function emptyTenant(): TenantValues {
  return {
    uscc: '',
    name: '',
    nameEn: '',
    field: '',
    integratedCircuit: false,
    registeredCapital: '',
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

export function valuesOfTenant(tenant: Tenant): TenantValues {
  return {
    uscc: tenant.uscc,
    name: tenant.name,
    nameEn: tenant.nameEn ?? '',
    field: tenant.field,
    integratedCircuit: tenant.integratedCircuit,
    registeredCapital: yuanToWanInput(tenant.registeredCapital),
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
export function needsExceptionReason(draft: Pick<TenantValues, 'foundedOn' | 'admittedOn'>): boolean {
  return (
    ISO_DATE.test(draft.foundedOn) &&
    ISO_DATE.test(draft.admittedOn) &&
    isAdmissionException(draft.foundedOn, draft.admittedOn)
  );
}

/** Every editable field as the API would receive it. */
export function tenantFields(draft: TenantValues): Record<EditableField, unknown> {
  return {
    name: draft.name.trim(),
    nameEn: textOrNull(draft.nameEn),
    field: text(draft.field),
    integratedCircuit: draft.integratedCircuit,
    registeredCapital: wan(draft.registeredCapital),
    founderTraits: draft.founderTraits,
    legalRepresentative: textOrNull(draft.legalRepresentative),
    contactPhone: textOrNull(draft.contactPhone),
    website: textOrNull(draft.website),
    foundedOn: text(draft.foundedOn),
    admittedOn: text(draft.admittedOn),
    areaOccupied: number(draft.areaOccupied),
    highTechCertifiedOn: textOrNull(draft.highTechCertifiedOn),
    admissionExceptionReason: needsExceptionReason(draft)
      ? textOrNull(draft.admissionExceptionReason)
      : undefined,
  };
}

/** The body of POST /incubators/:id/tenants, before the schema checks it. */
export function admitBody(draft: TenantValues): Record<string, unknown> {
  const values = tenantFields(draft);
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
  draft: TenantValues,
  tenant: Tenant,
  fields: readonly EditableField[],
): Record<string, unknown> {
  const values = tenantFields(draft);
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field];
    if (value !== undefined && !same(value, tenant[field])) changes[field] = value;
  }
  return changes;
}

/** Client-side rule the schemas cannot express alone: the reason the admission window needs. */
export function exceptionReasonProblems(draft: TenantValues): FieldProblem[] {
  return needsExceptionReason(draft) && !draft.admissionExceptionReason.trim()
    ? [{ path: 'admissionExceptionReason', message: 'admission_window_exceeded' }]
    : [];
}
