// The rows of a raw `db.execute(sql…)`: postgres.js answers an array of rows, PGlite `{ rows }`.
// One place for the difference, so callers of raw SQL stay driver-neutral.
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';

export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export async function selectRows<T = Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  return rowsOf<T>(await db.execute(query));
}
