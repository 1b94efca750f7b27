import { count } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users } from '../db/schema/index';

/** A database with no users has never been set up: the demo (or bootstrap) may fill it. */
export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) === 0;
}
