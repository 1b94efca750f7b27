// The compiled row mapper (server/src/db/row-mapper.ts) gives what drizzle's own mapResultRow
// gives, on statements built the way the product builds them: nested objects, a left join that
// may be null, columns whose decoders convert (integers, numerics as numbers, timestamps), sql``
// fields with and without mapWith.
import * as drizzleOrm from 'drizzle-orm';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { describe, expect, it } from 'vitest';
import { withCompiledMapper } from '../../server/src/db/row-mapper';
import { investments, reports, tenants } from '../../server/src/db/schema/index';

interface Prepared {
  fields: { path: string[]; field: unknown }[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown[];
}
const mapResultRow = (drizzleOrm as unknown as { mapResultRow: (...a: unknown[]) => unknown }).mapResultRow;
const db = drizzle.mock();

function bothWays(prepared: Prepared, rows: unknown[][]) {
  const drizzles = rows.map((row) => mapResultRow(prepared.fields, row, prepared.joinsNotNullableMap));
  const ours = withCompiledMapper(prepared).customResultMapper!(rows);
  return { ours, drizzles };
}

describe('the compiled row mapper', () => {
  it('maps a left-joined nested object, null when the join found nothing, as drizzle does', () => {
    const prepared = db
      .select({
        total: sql<number>`count(*) over ()`.mapWith(Number),
        label: sql<string>`'x'`,
        tenant: { id: tenants.id, name: tenants.name, admittedOn: tenants.admittedOn },
        item: {
          id: investments.id,
          amount: investments.amount,
          version: investments.version,
          createdAt: investments.createdAt,
        },
      })
      .from(tenants)
      .leftJoin(investments, eq(investments.tenantId, tenants.id))
      .prepare('t1') as unknown as Prepared;
    const rows = [
      ['7', 'x', 't-1', '光谷科技', '2024-01-02', 'i-1', '1500000.50', '3', '2026-12-01 10:55:35.613+00'],
      ['7', 'x', 't-1', '光谷科技', '2024-01-02', null, null, null, null],
      [null, null, 't-2', null, null, 'i-2', '0', 1, '2026-12-01 10:55:35+00'],
    ];
    const { ours, drizzles } = bothWays(prepared, rows);
    expect(ours).toEqual(drizzles);
    expect((ours[1] as { item: unknown }).item).toBeNull();
    expect((ours[0] as { total: unknown }).total).toBe(7);
  });

  it('maps a flat select of every kind of column of a report', () => {
    const prepared = db.select().from(reports).prepare('t2') as unknown as Prepared;
    const row = prepared.fields.map(({ path }, i) =>
      i % 3 === 0 ? null : path.join('.') === 'year' ? 2024 : `${i}`,
    );
    const { ours, drizzles } = bothWays(prepared, [row]);
    expect(ours).toEqual(drizzles);
  });

  it("decodes a subquery's columns (drizzle's alias proxies of them) as drizzle does", () => {
    const page = db
      .select({ id: investments.id, amount: investments.amount, createdAt: investments.createdAt })
      .from(investments)
      .as('page');
    const prepared = db
      .select({ name: tenants.name, item: page._.selectedFields })
      .from(tenants)
      .leftJoinLateral(page, sql`true`)
      .prepare('t4') as unknown as Prepared;
    const { ours, drizzles } = bothWays(prepared, [
      ['光谷科技', 'i-1', '1500000.50', '2026-12-01 10:55:35.613+00'],
      ['光谷科技', null, null, null],
    ]);
    expect(ours).toEqual(drizzles);
    expect((ours[0] as { item: { amount: unknown } }).item.amount).toBe(1500000.5);
  });

  it('keeps a key that is not a JavaScript name as it is', () => {
    const prepared = db
      .select({ 'a "quoted" key': tenants.name, constructor: tenants.id })
      .from(tenants)
      .prepare('t3') as unknown as Prepared;
    const { ours, drizzles } = bothWays(prepared, [['名', 'id-1']]);
    expect(ours).toEqual(drizzles);
  });
});
