// SQL of imports: the stored upload, the incubator's header mapping, and the records a file's
// rows match (by USCC; the rows' checks need every tenancy of those companies, as admission does).
import { and, desc, eq, getTableColumns, inArray, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, importMappings, imports, incubators, reports, tenants } from '../../db/schema/index';
import { acrossScopes } from '../../db/scoped-client';
import { figureColumns } from '../reports/queries';
import { tenantColumns } from '../tenants/queries';

/**
 * `column in (the values)` with the values as one jsonb parameter: drizzle's inArray binds one
 * parameter per value, and building that statement for 50,000 USCCs cost ~0.5 s of the upload.
 */
const inJsonList = (column: SQLWrapper, values: readonly string[], type: 'text' | 'uuid') =>
  sql`${column} in (select v::${sql.raw(type)} from jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as v)`;

/** Every tenancy of the companies with these USCCs, newest admission first. */
export async function tenanciesByUscc(db: DbOrTx, usccs: string[]) {
  if (!usccs.length) return [];
  return acrossScopes(async () =>
    db
      .select(tenantColumns)
      .from(tenants)
      .innerJoin(companies, eq(companies.id, tenants.companyId))
      .innerJoin(incubators, eq(incubators.id, tenants.incubatorId))
      .where(inJsonList(companies.uscc, usccs, 'text'))
      .orderBy(desc(tenants.admittedOn)),
  );
}

export async function reportsOfCompanies(db: DbOrTx, companyIds: string[]) {
  if (!companyIds.length) return [];
  return acrossScopes(async () =>
    db
      .select({
        id: reports.id,
        companyId: reports.companyId,
        incubatorId: reports.incubatorId,
        year: reports.year,
        status: reports.status,
        version: reports.version,
        ...figureColumns,
      })
      .from(reports)
      .where(inJsonList(reports.companyId, companyIds, 'uuid')),
  );
}

export async function insertImport(db: DbOrTx, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning({ id: imports.id });
  return row!.id;
}

export async function importExists(db: DbOrTx, id: string) {
  const [row] = await db.select({ id: imports.id }).from(imports).where(eq(imports.id, id));
  return Boolean(row);
}

const { cells: _cells, ...withoutCells } = getTableColumns(imports);

/**
 * The import, only for a caller who manages its incubator (anyone else: undefined, a 404). Its
 * cells (50,000 rows of jsonb) only when asked for: its status and result do not need them.
 */
export async function findImport(db: DbOrTx, incubatorIds: string[], id: string, withCells = false) {
  if (!incubatorIds.length) return undefined;
  const [row] = await db
    .select({ ...withoutCells, cells: withCells ? imports.cells : sql<null>`null` })
    .from(imports)
    .where(and(eq(imports.id, id), inArray(imports.incubatorId, incubatorIds)));
  return row;
}

export async function updateImport(db: DbOrTx, id: string, values: Partial<typeof imports.$inferInsert>) {
  await db.update(imports).set(values).where(eq(imports.id, id));
}

export async function mappingOf(db: DbOrTx, incubatorId: string, kind: 'tenants' | 'reports') {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(and(eq(importMappings.incubatorId, incubatorId), eq(importMappings.kind, kind)));
  return (row?.mapping ?? {}) as Record<string, string>;
}

export async function saveMapping(
  db: DbOrTx,
  incubatorId: string,
  kind: 'tenants' | 'reports',
  mapping: Record<string, string>,
) {
  await db
    .insert(importMappings)
    .values({ incubatorId, kind, mapping })
    .onConflictDoUpdate({ target: [importMappings.incubatorId, importMappings.kind], set: { mapping } });
}

/** The import row locked: two commits of one import queue here and the second finds it committed. */
export async function lockImport(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(imports).where(eq(imports.id, id)).for('update');
  return row!;
}
