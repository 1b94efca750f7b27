// Writes a table's rows inside the load's transaction as fast as the driver allows: COPY FROM
// STDIN on postgres.js, COPY from a blob on PGlite with a data directory, and multi-row INSERTs
// of 1,000 rows otherwise. In-memory PGlite gets INSERTs: COPY extends relations many pages at a time
// with fallocate, which its in-memory file system implements by copying the whole file, so COPY
// there grows quadratically with the table. Reaching the driver goes through drizzle's session and
// `$client` (not public API, pinned drizzle 0.45); the INSERT path keeps working if that changes.
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { copyLine, sqlLiteral } from './encode';
import type { Table } from './tables';

/** Rows per COPY chunk or per progress report. */
const CHUNK_ROWS = 20_000;
const INSERT_ROWS = 1_000;

type Progress = (rowsWritten: number) => void;

interface PgliteTransactionClient {
  query(query: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown>;
  exec(query: string): Promise<unknown>;
}

interface PostgresTransactionClient {
  unsafe(query: string): PromiseLike<unknown> & { writable(): Promise<Writable> };
}

type Driver =
  | { kind: 'pglite'; client: PgliteTransactionClient }
  | { kind: 'postgres'; client: PostgresTransactionClient }
  | { kind: 'insert' };

/**
 * PostgreSQL gets COPY only when the row triggers are skipped (`rowTriggersSkipped`): otherwise
 * foreign-key checks would run per row anyway, and INSERTs cost about the same.
 */
export function driverOf(db: Db, tx: Tx, rowTriggersSkipped: boolean): Driver {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  const has = (name: string) => typeof (client as Record<string, unknown> | undefined)?.[name] === 'function';
  if (typeof client === 'function' && has('unsafe')) {
    return rowTriggersSkipped
      ? { kind: 'postgres', client: client as unknown as PostgresTransactionClient }
      : { kind: 'insert' };
  }
  const onDisk = Boolean((db as unknown as { $client?: { dataDir?: string } }).$client?.dataDir);
  if (onDisk && client && has('query') && has('exec'))
    return { kind: 'pglite', client: client as PgliteTransactionClient };
  return { kind: 'insert' };
}

/**
 * postgres.js never settles a COPY the server rejects after its last chunk (a unique violation
 * found late): the stream's finish is lost and awaiting it alone would hang. A query queued
 * behind the COPY fails in the then aborted transaction instead. postgres.js accepts that query
 * only once it has sent the end of the COPY, in the stream's `_final`, so the probe starts there.
 */
function probeBehindCopy(
  stream: Writable,
  client: PostgresTransactionClient,
  table: string,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const final = stream._final!.bind(stream);
    stream._final = (callback) => {
      final(callback);
      Promise.resolve(client.unsafe('select 1')).then(resolve, (cause) =>
        reject(new Error(`PostgreSQL refused the rows of ${table} (its log has the reason)`, { cause })),
      );
    };
  });
}

function* chunks(table: Table, size: number): Generator<string[]> {
  let chunk: string[] = [];
  for (const row of table.rows()) {
    chunk.push(copyLine(row));
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

const copyStatement = (table: Table, source: string) =>
  `copy ${table.name} (${table.columns.join(', ')}) from ${source}`;

export async function writeTable(tx: Tx, driver: Driver, table: Table, progress: Progress): Promise<void> {
  if (driver.kind === 'pglite') {
    for (const lines of chunks(table, CHUNK_ROWS)) {
      await driver.client.query(copyStatement(table, "'/dev/blob'"), [], {
        blob: new Blob([lines.join('')]),
      });
      progress(lines.length);
    }
  } else if (driver.kind === 'postgres') {
    const stream = await driver.client.unsafe(copyStatement(table, 'stdin')).writable();
    const probe = probeBehindCopy(stream, driver.client, table.name);
    const done = finished(stream);
    // Awaited below; until then a failed COPY must not count as an unhandled rejection.
    done.catch(() => {});
    probe.catch(() => {});
    for (const lines of chunks(table, CHUNK_ROWS)) {
      if (!stream.write(lines.join('')))
        await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), done]);
      progress(lines.length);
    }
    stream.end();
    await Promise.all([done, probe]);
  } else {
    let batch: string[] = [];
    const flush = async () => {
      await tx.execute(
        sql.raw(`insert into ${table.name} (${table.columns.join(', ')}) values ${batch.join(',')}`),
      );
      progress(batch.length);
      batch = [];
    };
    for (const row of table.rows()) {
      batch.push(`(${row.map(sqlLiteral).join(',')})`);
      if (batch.length === INSERT_ROWS) await flush();
    }
    if (batch.length) await flush();
  }
}
