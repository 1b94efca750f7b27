// openDb(url?) → Drizzle over postgres.js for a real server, or embedded PGlite when no URL.
import { mkdirSync } from 'node:fs';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { APP_ROLE_NAME } from './app-role';
import { type ListenHandlers, listenPglite, listenPostgres, type Unlisten } from './listen';
import { pgliteHandle, pgliteSwitch, sessionsOf } from './pglite-sessions';
import { pgliteStatements } from './pglite-statements';
import { runPreparedBy } from './prepared';
import * as schema from './schema/index';
import { type Lease, scopedClient } from './scoped-client';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries take either: the service decides where the transaction starts. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Cheap round trip for /api/health. */
  ping(): Promise<void>;
  /** LISTEN on a channel (listen.ts): notifications, and whether they are being received. */
  listen(channel: string, handlers: ListenHandlers): Promise<Unlisten>;
  /**
   * Whether the notifications of a commit reach this process's listeners before the committing
   * statement returns (PGlite: one in-process database). Then no change made through this
   * process can be answered before its notification has arrived.
   */
  notifiesBeforeCommitReturns: boolean;
  /**
   * Serving as the app role under row-level security (scoped-client.ts): a request's connection.
   * Absent for the owner's handle (migrations, tools, tests' fixtures) and on PGlite.
   */
  lease?: () => Lease;
  /**
   * The embedded database's app-role handle over the same connection (the server serves on it);
   * a real server's serving pool is opened with `asApp` instead.
   */
  serving?: () => Database;
  /**
   * VACUUM (ANALYZE) of these tables, outside any transaction, as the owner: after a bulk load,
   * while nothing else runs. It sets the visibility map, without which the planner prices an
   * index-only scan as reading the table too. PGlite has no autovacuum to do it later; on
   * PostgreSQL it only does at once what autovacuum would do soon.
   */
  vacuum(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Random reads cost about what sequential ones do when the working set is in memory or on SSD; at
 * the default 4.0 the planner joins an incubator's ~3,000 tenancies to all 380,000 companies by a
 * full scan instead of 3,000 index probes (300 ms instead of 10 ms at scale 1).
 */
export const PLANNER_SETTINGS = { random_page_cost: '1.1' };

export interface OpenOptions {
  url?: string;
  dataDir?: string;
  /** Connection pool size for a real server. */
  max?: number;
  /**
   * A real server's bound on one statement (ms), so no request waits on the database forever;
   * unset for migrations and bulk loads, which may legitimately run long.
   */
  statementTimeoutMs?: number;
  /**
   * Serve as the app role under row-level security: connect by `appUrl` (a login role granted
   * torch_app) or, without one, as the URL's user switched to torch_app (SET ROLE at connect).
   */
  asApp?: boolean;
  appUrl?: string;
}

export async function openDb(options: OpenOptions): Promise<Database> {
  if (options.url) {
    const asRole = options.asApp && !options.appUrl ? { role: APP_ROLE_NAME } : {};
    const client = postgres((options.asApp && options.appUrl) || options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Dates stay `YYYY-MM-DD` strings; int8 sums come back as strings and are converted where read.
      types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
      connect_timeout: 5,
      // Reconnect soon after the server went away (postgres.js's default backs off up to 20 s
      // while queries wait in its queue): a request fails fast with a 503 or succeeds, never hangs.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
      ...(options.statementTimeoutMs
        ? {
            connection: {
              ...PLANNER_SETTINGS,
              ...asRole,
              statement_timeout: options.statementTimeoutMs,
              lock_timeout: options.statementTimeoutMs,
              idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
            },
          }
        : { connection: { ...PLANNER_SETTINGS, ...asRole } }),
    });
    // A request waits for a free connection as long as it would for a new one (connect_timeout).
    const scoped = options.asApp ? scopedClient(client, { waitMs: 5_000 }) : undefined;
    const db = drizzlePostgres((scoped ?? client) as typeof client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      ping: async () => {
        await client`select 1`;
      },
      listen: async (channel, handlers) => listenPostgres(options.url!, channel, handlers),
      // On a connection of its own, a moment after the commit.
      notifiesBeforeCommitReturns: false,
      lease: scoped?.lease,
      vacuum: async (tables) => {
        await client.unsafe(`vacuum (analyze) ${tables.join(', ')}`);
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = options.dataDir ?? './data';
  if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
  // Loaded only for the embedded database: a server on PostgreSQL never pays for the WASM build.
  const { PGlite, protocol } = await import('@electric-sql/pglite');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(dir === 'memory://' ? undefined : dir, {
    // The trigram indexes of the name search (migration 0009) need pg_trgm, which PGlite ships.
    extensions: { pg_trgm },
    // Nothing replicates from an embedded database, so its WAL needs only crash recovery
    // (`minimal`): a bulk load into freshly truncated tables then writes no WAL at all.
    postgresqlconf: [
      'wal_level = minimal',
      'max_wal_senders = 0',
      ...Object.entries(PLANNER_SETTINGS).map(([k, v]) => `${k} = ${v}`),
    ],
  });
  // One connection, two handles (pglite-sessions.ts): the owner's, and the app role's under
  // row-level security, each statement switched to its handle's role and scope.
  const sw = pgliteSwitch();
  const handle = (app: boolean) => {
    const sessions = sessionsOf(sw, app);
    const statements = pgliteStatements(client, protocol.serialize, sessions);
    const handleDb = drizzlePglite(pgliteHandle(client, statements, sessions) as typeof client, {
      schema,
    }) as unknown as Db;
    runPreparedBy(handleDb, statements);
    return handleDb;
  };
  const db = handle(false);
  let appDb: Db | undefined;
  const database: Database = {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    listen: (channel, handlers) => listenPglite(client, channel, handlers),
    notifiesBeforeCommitReturns: true,
    serving: () => {
      appDb ??= handle(true);
      return { ...database, db: appDb, serving: undefined };
    },
    vacuum: async (tables) => {
      // Each its own simple query: VACUUM refuses to run in a transaction, an implicit one too.
      await client.exec("select set_config('role', 'none', false), set_config('torch.scope', '', false)");
      sw.current = undefined;
      await client.exec(`vacuum (analyze) ${tables.join(', ')}`);
    },
    close: () => client.close(),
  };
  return database;
}
