// The demo country files its annual returns (SPEC §3), set-based after the statistics rebuild:
// every return up to the year before the last accepted (so official equals live there, 2006's
// brochure figures included), and the last year's returns, due on 31 January, in every state —
// mostly accepted, some still at the province, a few sent back with comments, a few never filed.
// The demo managers' incubators have theirs sent back, so the manager's home shows it.
import { STATS_FIRST_YEAR, STATS_INDICATORS } from '@torch/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { indicatorColumnName } from '../../db/schema/stats-columns';
import { everyIncubatorCellsSql } from '../../modules/stats/queries';

/** An indicator object `{ tenantsIncubating: …, … }` of the columns of `alias`. */
function indicatorsJson(alias: string): SQL {
  const pairs = STATS_INDICATORS.map(
    (name) => sql`${name}::text, ${sql.raw(`${alias}.${indicatorColumnName(name)}`)}`,
  );
  return sql`jsonb_build_object(${sql.join(pairs, sql`, `)})`;
}

/** Deterministic per incubator (its id comes from the seeded generator): 0..99. */
const bucket = sql`(('x' || substr(md5(i.id::text), 1, 8))::bit(32)::int & 2147483647) % 100`;

// Incubator-level figures from the incubator's record, income and funding in plausible proportion.
const FIGURES = sql`jsonb_build_object(
  'totalArea', i.total_area, 'tenantArea', i.tenant_area, 'publicServiceArea', i.public_service_area,
  'fundSize', i.fund_size, 'staffCount', i.staff_count, 'mentorCount', i.mentor_count,
  'mentorsOnStaff', least(i.staff_count, i.mentor_count / 3),
  'incomeServices', round(i.tenant_area * 120)::bigint, 'incomeProperty', round(i.tenant_area * 300)::bigint,
  'incomeInvestment', (i.fund_size / 40)::bigint, 'incomeOther', 0,
  'incomeTotal', round(i.tenant_area * 120)::bigint + round(i.tenant_area * 300)::bigint + (i.fund_size / 40)::bigint,
  'fundingGovernment', 300000 + ${bucket} * 10000, 'fundingEnterprise', 0, 'fundingOther', 0,
  'fundingTotal', 300000 + ${bucket} * 10000)`;

export async function fileDemoReturns(tx: Tx, lastYear: number): Promise<void> {
  // Every incubator's statistics cells of every year, by company field.
  await tx.execute(sql`create temp table demo_cells on commit drop as
    select c.* from (${everyIncubatorCellsSql(STATS_FIRST_YEAR, lastYear)}) c
    join incubators i on i.id = c.incubator_id where c.year >= extract(year from i.founded_on)`);

  // Each return's fate: status and when it was submitted (10 January to 8 February; later is late).
  await tx.execute(sql`create temp table demo_fate on commit drop as
    select i.id as incubator_id, y.year, ${bucket} as bucket,
      case when y.year < ${lastYear} then 'accepted'
        when exists (select 1 from incubator_managers m where m.incubator_id = i.id) then 'returned'
        when ${bucket} < 74 then 'accepted' when ${bucket} < 81 then 'approved'
        when ${bucket} < 88 then 'submitted' when ${bucket} < 93 then 'returned'
        when ${bucket} < 96 then 'draft' else null end as status,
      least(make_date(y.year + 1, 1, 10) + ((${bucket} * 7 + y.year) % 30), current_date - 1)::timestamptz
        + interval '10 hours' as submitted_at
    from incubators i, generate_series(extract(year from i.founded_on)::int, ${lastYear}) y(year)`);
  await tx.execute(sql`delete from demo_fate where status is null`);

  // The tenant aggregates of each return, as GET would compute them. Financed tenants: +1 in the
  // first year a tenancy is both incubating and invested in, -1 in the year it leaves; a return's
  // count sums its incubator's changes up to its year (a row per change, not per tenancy and year).
  await tx.execute(sql`create temp table demo_financed on commit drop as
    with spans as (
      select t.incubator_id, greatest(extract(year from t.admitted_on), extract(year from v.first))::int as first,
        extract(year from coalesce(t.graduated_on, t.exited_on))::int as left_in
      from tenants t
      join (select tenant_id, min(invested_on) as first from investments group by tenant_id) v on v.tenant_id = t.id),
    changes as (
      select s.incubator_id, c.year, sum(c.delta)::int as delta
      from spans s, lateral (values (s.first, 1), (s.left_in, -1)) c(year, delta)
      where s.first < coalesce(s.left_in, 'infinity'::float8) and c.year is not null
      group by s.incubator_id, c.year)
    select f.incubator_id, f.year, sum(c.delta)::int as n
    from demo_fate f join changes c on c.incubator_id = f.incubator_id and c.year <= f.year
    group by f.incubator_id, f.year`);
  const sums = sql.raw(
    STATS_INDICATORS.map((n) => `sum(d.${indicatorColumnName(n)}) as ${indicatorColumnName(n)}`).join(', '),
  );
  await tx.execute(sql`create temp table demo_totals on commit drop as
    select d.incubator_id, d.year, ${sums}, sum(d.tenants_incubating) filter (where d.field = i.field) as in_field
    from demo_cells d join incubators i on i.id = d.incubator_id group by d.incubator_id, d.year`);
  await tx.execute(sql`create index on demo_cells (incubator_id, year)`);
  // Cells are kept on a return only while it awaits acceptance (accepting copies them).
  const cellsOf = sql`(select jsonb_agg(jsonb_build_object('field', d.field, 'values', ${indicatorsJson('d')}) order by d.field)
    from demo_cells d where d.incubator_id = f.incubator_id and d.year = f.year)`;
  await tx.execute(sql`insert into annual_returns (incubator_id, year, status, figures, computed, cells,
      returned_figures, submitted_at, first_submitted_at, accepted_at)
    select f.incubator_id, f.year, f.status, ${FIGURES},
      ${indicatorsJson('c')} || jsonb_build_object('tenantsFinanced', coalesce(fin.n, 0), 'tenantsInField', coalesce(c.in_field, 0)),
      case when f.status in ('submitted', 'approved') then ${cellsOf} end,
      case when f.status = 'returned' then ${FIGURES} end,
      case when f.status <> 'draft' then f.submitted_at end,
      case when f.status <> 'draft' then f.submitted_at end,
      case when f.status = 'accepted' then f.submitted_at + interval '20 days' end
    from demo_fate f join incubators i on i.id = f.incubator_id
    join demo_totals c on c.incubator_id = f.incubator_id and c.year = f.year
    left join demo_financed fin on fin.incubator_id = f.incubator_id and fin.year = f.year`);

  // Their history: submitted, then approved and accepted, or sent back with comments.
  await tx.execute(sql`insert into return_transitions (return_id, action, from_status, to_status, reason, at)
    select r.id, s.action, s.from_status, s.to_status, s.reason, r.submitted_at + s.after
    from annual_returns r, lateral (values
      ('submit', 'draft', 'submitted', null, interval '0 days', true),
      ('approve', 'submitted', 'approved', null, interval '6 days', r.status in ('approved', 'accepted')),
      ('accept', 'approved', 'accepted', null, interval '20 days', r.status = 'accepted'),
      ('return', 'submitted', 'returned', '请核实场地面积和孵化基金规模后重新报送', interval '8 days', r.status = 'returned')
    ) s(action, from_status, to_status, reason, after, happened)
    where r.status <> 'draft' and s.happened
    order by r.submitted_at, r.id, s.after`);
  await tx.execute(sql`insert into return_comments (return_id, transition_id, path, comment, at)
    select t.return_id, t.id, c.path, c.comment, t.at
    from return_transitions t, (values
      (null, '请核实场地面积和孵化基金规模后重新报送'),
      ('figures.tenantArea', '在孵企业使用面积与上年报送不一致，请核实'),
      ('figures.fundSize', '孵化基金规模请附出资证明')) c(path, comment)
    where t.action = 'return'`);

  // What was accepted: the snapshots, and the cells official statistics read.
  await tx.execute(sql`insert into return_snapshots (return_id, incubator_id, year, figures, computed, attributes, accepted_at)
    select r.id, r.incubator_id, r.year, r.figures, r.computed,
      jsonb_build_object('provinceCode', i.province_code, 'parkNumber', i.park_number, 'type', i.type, 'level', i.level),
      r.accepted_at
    from annual_returns r join incubators i on i.id = r.incubator_id where r.status = 'accepted'`);
  const columns = sql.raw(STATS_INDICATORS.map(indicatorColumnName).join(', '));
  await tx.execute(sql`insert into official_cells (snapshot_id, return_id, incubator_id, year, province_code,
      park_number, incubator_type, incubator_level, field, ${columns})
    select s.id, s.return_id, d.incubator_id, d.year, d.province_code, d.park_number, d.incubator_type,
      d.incubator_level, d.field, ${sql.raw(
        STATS_INDICATORS.map((n) => `d.${indicatorColumnName(n)}`).join(', '),
      )}
    from return_snapshots s join demo_cells d on d.incubator_id = s.incubator_id and d.year = s.year`);
  await tx.execute(
    sql`analyze annual_returns, return_transitions, return_comments, return_snapshots, official_cells`,
  );
}
