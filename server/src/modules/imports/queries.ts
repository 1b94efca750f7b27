// SQL of imports: the stored upload, the incubator's header mapping, and the records a file's
// rows match (by USCC; the rows' checks need every tenancy of those companies, as admission does).
import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { companies, importMappings, imports, incubators, reports, tenants } from '../../db/schema/index';
import { figureColumns } from '../reports/queries';
import { tenantColumns } from '../tenants/queries';

const CHUNK = 5000;

async function chunked<T, R>(items: T[], run: (part: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(...(await run(items.slice(i, i + CHUNK))));
  return out;
}

/** Every tenancy of the companies with these USCCs, newest admission first. */
export function tenanciesByUscc(db: DbOrTx, usccs: string[]) {
  return chunked(usccs, (part) =>
    db
      .select(tenantColumns)
      .from(tenants)
      .innerJoin(companies, eq(companies.id, tenants.companyId))
      .innerJoin(incubators, eq(incubators.id, tenants.incubatorId))
      .where(inArray(companies.uscc, part))
      .orderBy(desc(tenants.admittedOn)),
  );
}

export function reportsOfCompanies(db: DbOrTx, companyIds: string[]) {
  return chunked(companyIds, (part) =>
    db
      .select({
        id: reports.id,
        companyId: reports.companyId,
        year: reports.year,
        status: reports.status,
        version: reports.version,
        ...figureColumns,
      })
      .from(reports)
      .where(inArray(reports.companyId, part)),
  );
}

export async function insertImport(db: DbOrTx, values: typeof imports.$inferInsert) {
  const [row] = await db.insert(imports).values(values).returning({ id: imports.id });
  return row!.id;
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
