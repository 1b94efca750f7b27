// Who has filed a year's return: the review queue and the completeness tallies, scoped by the
// caller's incubators. An incubator is expected to file for every year it existed at the end of.
import type { ReturnStatus } from '@torch/shared';
import { and, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { selectRows } from '../../db/rows';
import type { Caller } from '../../plugins/auth';
import { incubatorVisible } from '../../scope';

// incubatorVisible speaks of the `incubators` table; these queries name it in full too.
const expected = (caller: Caller, year: number, province: string | null): SQL =>
  and(
    sql`"incubators"."founded_on" <= make_date(${year}::int, 12, 31)`,
    incubatorVisible(caller),
    province ? sql`"incubators"."province_code" = ${province}` : undefined,
  ) as SQL;

const onTime = (deadline: string) =>
  sql`(r.first_submitted_at at time zone 'Asia/Shanghai')::date <= ${deadline}::date`;

export interface QueueRow {
  incubatorId: string;
  incubatorName: string;
  provinceCode: string;
  status: ReturnStatus;
  submittedAt: string | null;
  onTime: boolean;
}

/** The returns in scope for a year; incubators that never saved one are drafts. */
export async function queue(
  db: DbOrTx,
  caller: Caller,
  q: {
    year: number;
    status?: ReturnStatus | undefined;
    province: string | null;
    page: number;
    pageSize: number;
  },
  deadline: string,
) {
  const status = sql`coalesce(r.status, 'draft')`;
  const where = and(
    expected(caller, q.year, q.province),
    q.status ? sql`${status} = ${q.status}` : undefined,
  );
  const rows = await selectRows<QueueRow & { total: number }>(
    db,
    sql`select "incubators"."id" as "incubatorId", "incubators"."name" as "incubatorName",
        "incubators"."province_code" as "provinceCode", ${status} as status, r.submitted_at as "submittedAt",
        coalesce(${onTime(deadline)}, false) as "onTime", count(*) over ()::int as total
      from incubators left join annual_returns r on r.incubator_id = "incubators"."id" and r.year = ${q.year}
      where ${where}
      order by r.submitted_at asc nulls last, "incubators"."name", "incubators"."id"
      limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
  );
  return { rows, total: Number(rows[0]?.total ?? 0) };
}

export interface Tally {
  key: string;
  label: string;
  status: ReturnStatus | null;
  expected: number;
  submitted: number;
  approved: number;
  accepted: number;
  onTime: number;
}

/** Tallies per province, or per incubator when `byIncubator`. */
export async function tallies(
  db: DbOrTx,
  caller: Caller,
  year: number,
  province: string | null,
  byIncubator: boolean,
  deadline: string,
): Promise<Tally[]> {
  const key = byIncubator ? sql`"incubators"."id"::text` : sql`"incubators"."province_code"`;
  const label = byIncubator ? sql`min("incubators"."name")` : sql`min(p.name_zh)`;
  const rows = await selectRows<Tally>(
    db,
    sql`select ${key} as key, ${label} as label,
        ${byIncubator ? sql`min(r.status)` : sql`null`} as status,
        count(*)::int as expected,
        count(*) filter (where r.status in ('submitted', 'approved', 'accepted'))::int as submitted,
        count(*) filter (where r.status in ('approved', 'accepted'))::int as approved,
        count(*) filter (where r.status = 'accepted')::int as accepted,
        count(*) filter (where ${onTime(deadline)})::int as "onTime"
      from incubators
      join provinces p on p.code = "incubators"."province_code"
      left join annual_returns r on r.incubator_id = "incubators"."id" and r.year = ${year}
      where ${expected(caller, year, province)}
      group by ${key}
      order by ${byIncubator ? sql`min("incubators"."name")` : key}`,
  );
  return rows.map((r) => ({
    ...r,
    expected: Number(r.expected),
    submitted: Number(r.submitted),
    approved: Number(r.approved),
    accepted: Number(r.accepted),
    onTime: Number(r.onTime),
  }));
}
