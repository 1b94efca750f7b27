// The key access tokens are signed with. JWT_SECRET when set (required in production); otherwise
// made at random on the first start and kept — beside the embedded database in a file only its
// owner may read, or in the database itself (app_secrets) when that is PostgreSQL — so tokens
// survive a restart and no secret is ever a constant in the source.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appSecrets } from '../../db/schema/index';

export const SECRET_FILE = 'jwt-secret';

const newSecret = () => randomBytes(48).toString('base64url');

function fromFile(dataDir: string): string {
  const path = join(dataDir, SECRET_FILE);
  if (!existsSync(path)) {
    // `wx`: two processes starting at once cannot both write one.
    try {
      writeFileSync(path, `${newSecret()}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  // A copy restored with looser bits is tightened again: the key signs national users' tokens.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${path} does not hold a usable secret; delete it to make a new one`);
  return secret;
}

async function fromDatabase(database: Database): Promise<string> {
  await database.db
    .insert(appSecrets)
    .values({ name: 'jwt', value: newSecret() })
    .onConflictDoNothing({ target: appSecrets.name });
  const [row] = await database.db
    .select({ value: appSecrets.value })
    .from(appSecrets)
    .where(sql`${appSecrets.name} = 'jwt'`);
  return row!.value;
}

export async function resolveJwtSecret(
  configured: string | undefined,
  database: Database,
  dataDir: string,
): Promise<string> {
  if (configured) return configured;
  if (database.kind === 'postgres') return fromDatabase(database);
  // An in-memory database forgets everything at exit: its tokens may as well.
  if (dataDir === 'memory://') return newSecret();
  return fromFile(dataDir);
}
