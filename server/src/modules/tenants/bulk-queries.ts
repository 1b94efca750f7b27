// SQL of bulk admissions (admit-many.ts): thousands of rows per statement passed as ONE jsonb
// parameter and expanded by jsonb_to_recordset. Building a drizzle multi-row insert costs more
// JavaScript than PostgreSQL spends writing the rows (one bound parameter per cell).
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rowsOf } from '../../db/rows';

export interface NewCompany {
  uscc: string;
  name: string;
  nameEn: string | null;
  foundedOn: string;
  field: string;
  integratedCircuit: boolean;
  registeredCapital: number;
  founderTraits: string[];
  highTechCertifiedOn?: string | null;
  legalRepresentative?: string | null;
  contactPhone?: string | null;
  website?: string | null;
}

/** A tenancy with the company as the admitting incubator records it (admittedProfile). */
export interface NewTenancy extends Omit<NewCompany, 'uscc'> {
  companyId: string;
  incubatorId: string;
  admittedOn: string;
  areaOccupied: number;
  admissionExceptionReason: string | null;
  incubationEndsOn: string;
}

/** Absent keys are SQL nulls: the columns left out of a body have no default but null. */
const asJson = (rows: object[]) => sql`${JSON.stringify(rows)}::jsonb`;

/** The companies among these USCCs, locked (two imports admitting one company queue here). */
export async function lockedUsccs(tx: Tx, usccs: string[]): Promise<string[]> {
  const result = await tx.execute(
    sql`select uscc from companies where uscc in (select jsonb_array_elements_text(${JSON.stringify(usccs)}::jsonb)) for update`,
  );
  return rowsOf<{ uscc: string }>(result).map((r) => r.uscc);
}

export async function insertCompanies(tx: Tx, rows: NewCompany[]) {
  const result = await tx.execute(sql`
    insert into companies (uscc, name, name_en, founded_on, field, integrated_circuit, registered_capital,
      founder_traits, high_tech_certified_on, legal_representative, contact_phone, website)
    select uscc, name, "nameEn", "foundedOn", field, "integratedCircuit", "registeredCapital",
      "founderTraits", "highTechCertifiedOn", "legalRepresentative", "contactPhone", website
    from jsonb_to_recordset(${asJson(rows)}) as x(uscc text, name text, "nameEn" text, "foundedOn" date,
      field text, "integratedCircuit" boolean, "registeredCapital" bigint, "founderTraits" text[],
      "highTechCertifiedOn" date, "legalRepresentative" text, "contactPhone" text, website text)
    returning id, uscc`);
  return rowsOf<{ id: string; uscc: string }>(result);
}

export async function insertTenancies(tx: Tx, rows: NewTenancy[]) {
  const result = await tx.execute(sql`
    insert into tenants (company_id, incubator_id, name, name_en, founded_on, field, integrated_circuit,
      registered_capital, founder_traits, high_tech_certified_on, legal_representative, contact_phone, website,
      admitted_on, area_occupied, admission_exception_reason, incubation_ends_on)
    select "companyId", "incubatorId", name, "nameEn", "foundedOn", field, "integratedCircuit",
      "registeredCapital", "founderTraits", "highTechCertifiedOn", "legalRepresentative", "contactPhone", website,
      "admittedOn", "areaOccupied", "admissionExceptionReason", "incubationEndsOn"
    from jsonb_to_recordset(${asJson(rows)}) as x("companyId" uuid, "incubatorId" uuid, name text,
      "nameEn" text, "foundedOn" date, field text, "integratedCircuit" boolean, "registeredCapital" bigint,
      "founderTraits" text[], "highTechCertifiedOn" date, "legalRepresentative" text, "contactPhone" text,
      website text, "admittedOn" date, "areaOccupied" numeric, "admissionExceptionReason" text,
      "incubationEndsOn" date)
    returning id, company_id as "companyId"`);
  return rowsOf<{ id: string; companyId: string }>(result);
}
