// Migration 0012 on a database that already has tenancies (the embedded database, as a first start
// after an upgrade would meet it): every tenancy gets the company as the national record has it,
// and the columns are required from then on.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDb } from '../../server/src/db/client';
import { MIGRATIONS_FOLDER, migrateDb } from '../../server/src/db/migrate';
import { rowsOf } from '../../server/src/db/rows';
import { nextUscc } from '../helpers/fixtures';

const BEFORE = '0011_stats_tenant_event_indexes';

describe('migration 0012_tenancy_profile', () => {
  const folder = mkdtempSync(join(tmpdir(), 'torch-migrations-'));
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('backfills every existing tenancy from its company, then requires the snapshot', async () => {
    // The migrations as they were before 0012.
    cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const upTo = journal.entries.findIndex((e) => e.tag === BEFORE);
    expect(upTo).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, upTo + 1);
    writeFileSync(journalPath, JSON.stringify(journal));

    database = await openDb({ dataDir: 'memory://' });
    const run = async <T>(text: string) => rowsOf<T>(await database!.db.execute(text));
    await migrateDb(database, folder);
    const [{ id: incubator }] = (await run<{ id: string }>(
      `insert into incubators (name, province_code, city, type, level, legal_nature, founded_on)
       values ('武汉升级孵化器', '420000', '武汉', 'general', 'provincial', 'enterprise', '2001-05-01') returning id`,
    )) as [{ id: string }];
    const [{ id: company }] = (await run<{ id: string }>(
      `insert into companies (uscc, name, name_en, founded_on, field, integrated_circuit, registered_capital,
         founder_traits, high_tech_certified_on, legal_representative, contact_phone, website)
       values ('${nextUscc()}', '升级前科技有限公司', 'Before Upgrade', '2021-01-10', 'biomedicine', true, 2500000,
         '{returned_scholar}', '2023-04-01', '王升级', '027-1234567', 'https://before.example.cn') returning id`,
    )) as [{ id: string }];
    // Two stays of one company (the first ended), as a database before 0012 could hold them.
    await run(
      `insert into tenants (company_id, incubator_id, admitted_on, incubation_ends_on, status, exited_on, exit_reason)
       values ('${company}', '${incubator}', '2021-03-01', '2026-03-01', 'exited', '2022-12-31', 'moved_out'),
              ('${company}', '${incubator}', '2023-01-05', '2028-01-05', 'incubating', null, null)`,
    );

    await migrateDb(database);

    const tenancies = await run<Record<string, unknown>>(
      `select name, name_en, founded_on::text, field, integrated_circuit, registered_capital::int, founder_traits,
         high_tech_certified_on::text, legal_representative, contact_phone, website
       from tenants order by admitted_on`,
    );
    const profile = {
      name: '升级前科技有限公司',
      name_en: 'Before Upgrade',
      founded_on: '2021-01-10',
      field: 'biomedicine',
      integrated_circuit: true,
      registered_capital: 2_500_000,
      founder_traits: ['returned_scholar'],
      high_tech_certified_on: '2023-04-01',
      legal_representative: '王升级',
      contact_phone: '027-1234567',
      website: 'https://before.example.cn',
    };
    expect(tenancies).toEqual([profile, profile]);
    // From now on a tenancy without the company's name and field is refused.
    await expect(
      run(
        `insert into tenants (company_id, incubator_id, admitted_on, incubation_ends_on)
         values ('${company}', '${incubator}', '2024-01-01', '2028-01-01')`,
      ),
    ).rejects.toThrow();
  }, 180_000);
});
