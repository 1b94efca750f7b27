// The named prepared statements the embedded database's prepared reads run as
// (server/src/db/pglite-statements.ts): the same rows as PGlite's own query(), prepared once,
// and still answering after a call that failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDb } from '../../server/src/db/client';
import type { Queryable } from '../../server/src/db/pglite-statements';
import { preparedStatementsOf } from '../../server/src/db/prepared';

describe('named prepared statements on PGlite', () => {
  let database: Database;
  let client: Queryable;
  let statements: Queryable;

  beforeAll(async () => {
    database = await openDb({ dataDir: 'memory://' });
    client = (database.db as unknown as { $client: Queryable }).$client;
    statements = preparedStatementsOf(database.db)!;
    await client.query(
      `create table t (id int primary key, name text, at timestamptz, amount numeric, day date)`,
    );
    await client.query(
      `insert into t values (1, '甲', '2024-05-01 08:00:00+00', 12.5, '2024-05-01'),
                            (2, null, null, null, null), (3, 'c', '2025-01-02 03:04:05.678+00', 0, '2025-01-02')`,
    );
  });
  afterAll(() => database?.close());

  const text =
    'select id, name, at, amount, day from t where id >= $1 and (name = $2 or $2::text is null) order by id';

  it('has one: openDb gives the embedded database its named statements', () => {
    expect(database.kind).toBe('pglite');
    expect(statements).toBeDefined();
  });

  it('answers what query() answers, in both row modes and with per-query parsers', async () => {
    const raw = { parsers: { 1184: (v: string) => `raw:${v}` } };
    for (const params of [
      [1, null],
      [1, '甲'],
      [3, 'c'],
      [4, null],
    ]) {
      expect((await statements.query(text, params)).rows).toEqual((await client.query(text, params)).rows);
      expect((await statements.query(text, params, { rowMode: 'array' })).rows).toEqual(
        (await client.query(text, params, { rowMode: 'array' })).rows,
      );
      expect((await statements.query(text, params, raw)).rows).toEqual(
        (await client.query(text, params, raw)).rows,
      );
    }
  });

  it('prepares each text once, by name', async () => {
    await statements.query(text, [1, null]);
    await statements.query(text, [2, null]);
    const { rows } = await client.query(
      `select count(*)::int as n from pg_prepared_statements where statement = $1`,
      [text],
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('fails a bad call like query() does and answers the next one', async () => {
    await expect(statements.query(text, ['not a number', null])).rejects.toMatchObject({ code: '22P02' });
    await expect(statements.query('select nope from t', [])).rejects.toMatchObject({ code: '42703' });
    const { rows } = await statements.query(text, [3, null]);
    expect(rows).toEqual((await client.query(text, [3, null])).rows);
    expect(rows).toMatchObject([{ id: 3, name: 'c', at: new Date('2025-01-02T03:04:05.678Z') }]);
  });
});
