// Official statistics' SQL: the snapshot an acceptance takes, the cells official summaries read,
// and their coverage. Official numbers come from accepted returns only, never from live records.
import { STATS_INDICATORS } from '@torch/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { selectRows } from '../../db/rows';
import { officialCells, returnSnapshots } from '../../db/schema/index';
import { indicatorColumnName } from '../../db/schema/stats-columns';
import type { IndicatorValues } from '../stats/queries';

export interface OfficialScope {
  province: string | null;
  incubatorIds: string[] | null;
}

export interface Attributes {
  provinceCode: string;
  parkNumber: number | null;
  type: string;
  level: string;
}

/** Records what was accepted and makes it the return's official cells. */
export async function snapshot(
  db: DbOrTx,
  ret: { id: string; incubatorId: string; year: number; figures: unknown; computed: unknown },
  cells: { field: string; values: IndicatorValues }[],
  attributes: Attributes,
  userId: string | null,
) {
  const [row] = await db
    .insert(returnSnapshots)
    .values({
      returnId: ret.id,
      incubatorId: ret.incubatorId,
      year: ret.year,
      figures: ret.figures,
      computed: ret.computed,
      attributes,
      acceptedBy: userId,
    })
    .returning({ id: returnSnapshots.id });
  if (cells.length) {
    await db.insert(officialCells).values(
      cells.map((c) => ({
        snapshotId: row!.id,
        returnId: ret.id,
        incubatorId: ret.incubatorId,
        year: ret.year,
        provinceCode: attributes.provinceCode,
        parkNumber: attributes.parkNumber ?? 0,
        incubatorType: attributes.type,
        incubatorLevel: attributes.level,
        field: c.field,
        ...c.values,
      })),
    );
  }
}

/** A reopened return no longer counts officially (its snapshot stays in the history). */
export async function withdraw(db: DbOrTx, returnId: string) {
  await db.delete(officialCells).where(eq(officialCells.returnId, returnId));
}

/**
 * Cached answers (statistics, official ones included, and completeness) are filed under
 * stats_state.version: every transition of a return and every deadline change bumps it.
 */
export async function expireCachedAnswers(db: DbOrTx) {
  await db.execute(sql`update stats_state set version = version + 1 where id = 1`);
}

/**
 * Official cells in the shape of the statistics cells (stats/queries.ts), for years from..to.
 * Both granularities of the cube are the same rows here: each cell has attributes and a field.
 */
export function officialCellsSql(fromYear: number, toYear: number, scope: OfficialScope): SQL {
  const columns = sql.join(
    STATS_INDICATORS.map((name) => sql`o.${sql.identifier(indicatorColumnName(name))}`),
    sql`, `,
  );
  const filters = [
    sql`o.year between ${fromYear} and ${toYear}`,
    ...scopeFilters(scope, 'o', 'incubator_id'),
  ];
  return sql`select o.year, o.province_code, o.park_number, o.incubator_type, o.incubator_level, o.field, ${columns}
    from official_cells o where ${sql.join(filters, sql` and `)}`;
}

/** `alias.province_code` and `alias.<idColumn>` within the scope. */
function scopeFilters(scope: OfficialScope, alias: string, idColumn: string): SQL[] {
  const filters: SQL[] = [];
  if (scope.province) filters.push(sql`${sql.raw(alias)}.province_code = ${scope.province}`);
  if (scope.incubatorIds) {
    const ids = scope.incubatorIds.length
      ? sql.join(
          scope.incubatorIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )
      : sql`null::uuid`;
    filters.push(sql`${sql.raw(`${alias}.${idColumn}`)} in (${ids})`);
  }
  return filters;
}

/**
 * Per year: the incubators expected to file (founded by its end, in the scope now) and the
 * accepted returns the official cells hold (in the scope as accepted: what the numbers cover).
 */
export async function coverage(db: DbOrTx, fromYear: number, toYear: number, scope: OfficialScope) {
  const and = (filters: SQL[]) => (filters.length ? sql` and ${sql.join(filters, sql` and `)}` : sql``);
  const rows = await selectRows<{ year: number; expected: number; accepted: number }>(
    db,
    sql`select g.year,
        (select count(*)::int from incubators i
          where i.founded_on <= make_date(g.year, 12, 31)${and(scopeFilters(scope, 'i', 'id'))}) as expected,
        (select count(distinct o.return_id)::int from official_cells o
          where o.year = g.year${and(scopeFilters(scope, 'o', 'incubator_id'))}) as accepted
      from generate_series(${fromYear}::int, ${toYear}::int) g(year) order by g.year`,
  );
  return rows.map((r) => ({
    year: Number(r.year),
    expected: Number(r.expected),
    accepted: Number(r.accepted),
  }));
}
