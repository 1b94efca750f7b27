// SQL of imported yearly figures: thousands of reports per statement, passed as ONE jsonb parameter
// and expanded by jsonb_to_recordset (as tenants/bulk-queries.ts does for admissions). The import
// wrote each report and its audit row in statements of their own, 64 at a time; a 10,000-row
// file is now a few statements. An imported report is approved by the importing manager
// (docs/imports.md "The state of an imported report").
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { reports } from '../../db/schema/index';
import { figureColumns } from '../reports/queries';
import { EDITABLE } from '../reports/service';

/** Each figure: its key in the rows, its column and SQL type (bigint yuan, integer counts). */
const FIGURES = Object.entries(figureColumns).map(([key, column]) => ({
  key,
  column: column.name,
  type: column.getSQLType(),
}));
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
const list = (parts: ReturnType<typeof sql>[]) => sql.join(parts, sql`, `);

export interface NewReport {
  companyId: string;
  tenantId: string;
  incubatorId: string;
  year: number;
  flags: unknown[];
  [figure: string]: unknown;
}

/** Inserts approved reports; figures a row leaves out are 0, as in a new draft. Returns their ids. */
export async function insertApprovedReports(tx: Tx, reviewerId: string, rows: NewReport[]) {
  if (!rows.length) return [];
  const result = await tx.execute(sql`
    insert into ${reports} (company_id, tenant_id, incubator_id, year, flags, status, submitted_at,
      reviewed_at, reviewed_by, ${list(FIGURES.map((f) => ident(f.column)))})
    select "companyId", "tenantId", "incubatorId", year, coalesce(flags, '[]'::jsonb), 'approved', now(),
      now(), ${reviewerId}::uuid, ${list(FIGURES.map((f) => sql`coalesce(${ident(f.key)}, 0)`))}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("companyId" uuid, "tenantId" uuid,
      "incubatorId" uuid, year integer, flags jsonb, ${list(FIGURES.map((f) => sql`${ident(f.key)} ${sql.raw(f.type)}`))})
    returning id, company_id as "companyId", year`);
  return rowsOf<{ id: string; companyId: string; year: number }>(result);
}

export interface ReportChange {
  id: string;
  flags: unknown[];
  /** Only the figures the file's columns gave; the rest keep their value. */
  changes: Record<string, unknown>;
}

/**
 * Overwrites draft or returned reports with the file's figures and approves them. Returns the ids
 * it moved: a report submitted or approved meanwhile is not among them (the caller refuses).
 */
export async function approveChangedReports(tx: Tx, reviewerId: string, rows: ReportChange[]) {
  if (!rows.length) return [];
  const json = JSON.stringify(rows.map((r) => ({ id: r.id, flags: r.flags, ...r.changes })));
  const editable = list(EDITABLE.map((s) => sql`${s}`));
  const result = await tx.execute(sql`
    update ${reports} as r set
      ${list(
        FIGURES.map(
          (f) =>
            sql`${ident(f.column)} = case when x.v ? ${f.key} then (x.v->>${f.key})::${sql.raw(f.type)} else r.${ident(f.column)} end`,
        ),
      )},
      flags = coalesce(x.v->'flags', '[]'::jsonb), status = 'approved', submitted_at = now(),
      reviewed_at = now(), reviewed_by = ${reviewerId}::uuid, version = r.version + 1, updated_at = now()
    from jsonb_array_elements(${json}::jsonb) as x(v)
    where r.id = (x.v->>'id')::uuid and r.status in (${editable})
    returning r.id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
