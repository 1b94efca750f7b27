// Statements built once per shape and kept, drizzle-prepared, per database handle. For a page of
// 50 tenants drizzle spent ~2 ms of CPU building the query and ~1 ms running it (measured on the
// bench machine); built once, a request only fills in the placeholders, and its rows are mapped
// by a function compiled for it (row-mapper.ts); a call skips drizzle's per-call layers
// (prepared-execute.ts). On PGlite they also run as named prepared statements
// (pglite-statements.ts), as postgres.js runs them on PostgreSQL.
import type { Queryable } from './pglite-statements';
import { withLeanExecute } from './prepared-execute';
import { withCompiledMapper } from './row-mapper';

const caches = new WeakMap<object, Map<string, unknown>>();
/** Shapes are few (filters × sorts × scope kinds); a bound keeps per-caller keys from growing forever. */
const MAX_SHAPES = 256;

/** Per database handle: who runs its prepared statements by name (PGlite; postgres.js does its own). */
const namedStatements = new WeakMap<object, Queryable>();

export function runPreparedBy(db: object, statements: Queryable) {
  namedStatements.set(db, statements);
}

/** The handle's named-statement runner, if it has one (the benchmark's baseline runs through it too). */
export function preparedStatementsOf(db: object): Queryable | undefined {
  return namedStatements.get(db);
}

/** drizzle's PGlite prepared query runs through its `client` (a transaction's handle has none here). */
function runByName<T>(db: object, prepared: T): T {
  const statements = namedStatements.get(db);
  const p = prepared as { client?: unknown };
  if (statements && p.client) p.client = statements;
  return prepared;
}

export function preparedOnce<T>(db: object, key: string, build: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let prepared = cache.get(key) as T | undefined;
  if (!prepared) {
    if (cache.size >= MAX_SHAPES) cache.clear();
    prepared = withLeanExecute(runByName(db, withCompiledMapper(build())));
    cache.set(key, prepared);
  }
  return prepared;
}
