// The statistics SQL agrees with STATS_INDICATORS: its row type, the cube's columns and the event
// definitions carry exactly the listed indicators, and applying the definitions again (every start
// does) changes nothing.
import { STATS_INDICATORS } from '@torch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorColumnName } from '../../server/src/db/schema/stats-columns';
import { applyStatsSql } from '../../server/src/modules/stats/sql/index';
import { createTestApp, type TestApp } from '../helpers/app';
import { sqlRows, twoProvinceWorld } from '../helpers/fixtures';

const COLUMNS = STATS_INDICATORS.map(indicatorColumnName);
const CELL_KEY = ['year', 'province_code', 'park_number', 'incubator_type', 'incubator_level', 'field'];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const statsFunctions = async () =>
  (await sqlRows(
    t,
    `select p.proname, pg_get_function_identity_arguments(p.oid) as args, pg_get_functiondef(p.oid) as def
       from pg_proc p where p.proname like 'stats\\_%' or p.proname = 'rebuild_stats' order by 1, 2`,
  )) as { proname: string; args: string; def: string }[];

describe('the statistics SQL and STATS_INDICATORS', () => {
  it('types events with the indicators, in the list order', async () => {
    const rows = await sqlRows(
      t,
      `select attname from pg_attribute where attrelid = 'stats_event'::regclass and attnum > 0
         and not attisdropped order by attnum`,
    );
    expect(rows.map((r) => r.attname)).toEqual(['year', 'incubator_id', 'field', ...COLUMNS]);
  });

  it('gives the cube one column per indicator and nothing else besides its cell', async () => {
    const rows = await sqlRows(
      t,
      `select column_name from information_schema.columns where table_name = 'stats_cube' order by ordinal_position`,
    );
    expect(rows.map((r) => r.column_name).sort()).toEqual([...CELL_KEY, ...COLUMNS].sort());
  });

  it('defines every indicator by the events of some record', async () => {
    const facts = (await statsFunctions()).filter(
      (f) => f.proname.endsWith('_facts') && f.proname !== 'stats_facts',
    );
    expect(facts.map((f) => f.proname).sort()).toEqual([
      'stats_incubator_facts',
      'stats_investment_facts',
      'stats_listing_facts',
      'stats_report_facts',
      'stats_tenancy_facts',
    ]);
    const undefinedIndicators = COLUMNS.filter((c) => !facts.some((f) => f.def.includes(`${c} =>`)));
    expect(undefinedIndicators).toEqual([]);
  });

  it('applies again without a change: no new overload, the same definitions', async () => {
    const before = await statsFunctions();
    await applyStatsSql(t.db);
    expect(await statsFunctions()).toEqual(before);
  });

  it('recreates the event type and what it types when the list changed, and the cube still rebuilds', async () => {
    await twoProvinceWorld(t, 'sql');
    const cube = async () => sqlRows(t, 'select * from stats_cube order by 1, 2, 3, 4, 5, 6');
    const kept = await cube();
    expect(kept.length).toBeGreaterThan(0);
    await sqlRows(t, 'alter type stats_event rename attribute tenant_invention_patents to an_old_indicator');
    await applyStatsSql(t.db);
    const rows = await sqlRows(
      t,
      `select attname from pg_attribute where attrelid = 'stats_event'::regclass and attnum > 0
         and not attisdropped order by attnum`,
    );
    expect(rows.map((r) => r.attname)).toEqual(['year', 'incubator_id', 'field', ...COLUMNS]);
    await sqlRows(t, 'select rebuild_stats()');
    expect(await cube()).toEqual(kept);
  });
});
