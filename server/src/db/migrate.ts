// The same drizzle-kit migrations on PostgreSQL and PGlite, applied at start; then the live
// statistics functions, made from the indicator list (modules/stats/sql).
import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { applyStatsSql } from '../modules/stats/sql/index';
import type { Database } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** `migrationsFolder` other than the project's only for a test of an upgrade from an older state. */
export async function migrateDb(database: Database, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  const config = { migrationsFolder };
  if (database.kind === 'postgres') {
    await migratePostgres(database.db as unknown as PostgresJsDatabase, config);
  } else {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as unknown as PgliteDatabase, config);
  }
  await applyStatsSql(database.db);
}
