// Each test file gets its own database: a clone of the migrated template on PostgreSQL, or a
// fresh in-memory PGlite (migrated) when the run has no DATABASE_URL.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDb } from '../../server/src/db/client';
import { migrateDb } from '../../server/src/db/migrate';
import { databaseUrlFor } from './database-url';

export interface TestDatabase {
  database: Database;
  /** The clone's URL (PostgreSQL only), for code that opens its own connections. */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { forcePglite?: boolean } = {}): Promise<TestDatabase> {
  const template = inject('templateDatabase');
  const serverUrl = process.env.DATABASE_URL;
  if (!template || !serverUrl || options.forcePglite) {
    const database = await openDb({ dataDir: 'memory://' });
    await migrateDb(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `${template}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  await admin.end();
  const url = databaseUrlFor(serverUrl, name);
  const database = await openDb({ url, max: 5 });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
