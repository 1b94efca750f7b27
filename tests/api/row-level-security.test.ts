// Defence in depth (issue 11, item 3): the server serves as torch_app, which owns nothing and may
// only append to the audit log, and the database itself keeps each caller to its scope. A query
// that forgets the application's scope filter still sees nothing outside the scope.
// On PostgreSQL (DATABASE_URL) and on the embedded database alike (docs/security.md).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from '../../server/node_modules/drizzle-orm/index.js';
import { type Database, openDb } from '../../server/src/db/client';
import { rowsOf } from '../../server/src/db/rows';
import { auditLog, incubators, reports, tenants } from '../../server/src/db/schema/index';
import { acrossScopes, declareScope, runRequest } from '../../server/src/db/scoped-client';
import { createTestApp, type TestApp } from '../helpers/app';
import { BEIJING, HUBEI, twoProvinceWorld } from '../helpers/fixtures';

let t: TestApp;
let served: Database;
let w: {
  a: { id: string };
  a2: { id: string };
  b: { id: string };
  tenantA: { id: string; companyId: string };
  tenantB: { id: string; companyId: string };
  managerA: { id: string; token: string };
};

beforeAll(async () => {
  t = await createTestApp();
  served = (t.app as unknown as { database: Database }).database;
  const world = await twoProvinceWorld(t, 'rls');
  w = { ...world.incubators, ...world.tenants, managerA: world.users.managerA };
  // A report in each of two incubators, written by the owner.
  await t.db.insert(reports).values([
    { companyId: w.tenantA.companyId, tenantId: w.tenantA.id, incubatorId: w.a.id, year: 2024, revenue: 1 },
    { companyId: w.tenantB.companyId, tenantId: w.tenantB.id, incubatorId: w.b.id, year: 2024, revenue: 2 },
  ]);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Runs `fn` as a request of `scope` would: a lease of its own (on `on`), the scope declared. */
function asScope<T>(scope: string, fn: () => Promise<T>, on: Database = served): Promise<T> {
  const lease = on.lease?.();
  return runRequest(lease, async () => {
    declareScope(scope);
    try {
      return await fn();
    } finally {
      lease?.release();
    }
  });
}

/** Every tenancy's incubator, read with no filter at all. */
const unfilteredTenancies = async () =>
  (await served.db.select({ incubatorId: tenants.incubatorId }).from(tenants)).map((r) => r.incubatorId);

describe('the serving role', () => {
  it('is torch_app, not a superuser, owning no table', async () => {
    const rows = await asScope('all', () =>
      served.db.execute(
        `select current_user as who, (select rolsuper from pg_roles where rolname = current_user) as superuser,
                (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`,
      ),
    );
    expect(rowsOf(rows)[0]).toEqual({ who: 'torch_app', superuser: false, owned: 0 });
  });

  it('may append to the audit log but never change or delete it', async () => {
    await asScope(`incubators:{${w.a.id}}`, async () => {
      await served.db.insert(auditLog).values({
        entity: 'tenant',
        entityId: w.tenantA.id,
        action: 'update',
        incubatorId: w.a.id,
        userId: w.managerA.id,
      });
      await expect(served.db.update(auditLog).set({ action: 'x' })).rejects.toMatchObject({
        cause: { code: '42501' },
      });
      await expect(served.db.delete(auditLog)).rejects.toMatchObject({ cause: { code: '42501' } });
    });
  });
});

describe('a query that forgets the scope filter', () => {
  it('sees a manager only its own incubator’s records', async () => {
    const seen = await asScope(`incubators:{${w.a.id}}`, unfilteredTenancies);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([w.a.id]));
    const ownReports = await asScope(`incubators:{${w.a.id}}`, () => served.db.select().from(reports));
    expect(ownReports.map((r) => r.incubatorId)).toEqual([w.a.id]);
  });

  it('sees a province only its incubators, a company only its own tenancies', async () => {
    expect(new Set(await asScope(`province:${HUBEI}`, unfilteredTenancies))).toEqual(
      new Set([w.a.id, w.a2.id]),
    );
    expect(new Set(await asScope(`province:${BEIJING}`, unfilteredTenancies))).toEqual(new Set([w.b.id]));
    const visibleIncubators = await asScope(`province:${HUBEI}`, () =>
      served.db.select({ id: incubators.id }).from(incubators),
    );
    expect(new Set(visibleIncubators.map((r) => r.id))).toEqual(new Set([w.a.id, w.a2.id]));
    const company = await asScope(`company:${w.tenantA.companyId}`, () =>
      served.db.select({ id: tenants.id }).from(tenants),
    );
    expect(company.map((r) => r.id)).toEqual([w.tenantA.id]);
  });

  it('sees nothing without a declared scope, everything across scopes', async () => {
    expect(await unfilteredTenancies()).toEqual([]);
    expect(await served.db.select().from(incubators)).toEqual([]);
    expect(await asScope('', unfilteredTenancies)).toEqual([]);
    const all = await asScope(`incubators:{${w.a.id}}`, () => acrossScopes(unfilteredTenancies));
    expect(new Set(all)).toEqual(new Set([w.a.id, w.a2.id, w.b.id]));
  });

  it('cannot write into another incubator, nor move a record there', async () => {
    const inB = asScope(`incubators:{${w.a.id}}`, () =>
      served.db
        .update(tenants)
        .set({ name: 'x' })
        .where(eq(tenants.id, w.tenantB.id))
        .returning({ id: tenants.id }),
    );
    // Out of scope the row does not exist: nothing matched, nothing changed.
    expect(await inB).toEqual([]);
    const moved = asScope(`incubators:{${w.a.id}}`, () =>
      served.db.update(tenants).set({ incubatorId: w.b.id }).where(eq(tenants.id, w.tenantA.id)),
    );
    await expect(moved).rejects.toMatchObject({ cause: { code: '42501' } });
  });

  it('keeps each request to its own scope on a shared pool, concurrently', async () => {
    const scopes = [w.a.id, w.a2.id, w.b.id];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const id = scopes[i % 3]!;
        return asScope(`incubators:{${id}}`, async () => ({ id, seen: await unfilteredTenancies() }));
      }),
    );
    for (const { id, seen } of answers) expect(new Set(seen)).toEqual(new Set([id]));
  });

  it('holds each request to its scope on one connection reused, after a rollback too', async () => {
    // One connection, so every lease gets the session the one before left: the scope is sent only
    // when the connection does not hold it, and a rollback undoes one set inside the transaction.
    const one = t.testDb.url ? await openDb({ url: t.testDb.url, max: 1, asApp: true }) : served;
    const as = <T>(scope: string, fn: () => Promise<T>) => asScope(scope, fn, one);
    const tenanciesOf = async () =>
      new Set(
        (await one.db.select({ incubatorId: tenants.incubatorId }).from(tenants)).map((r) => r.incubatorId),
      );
    const manager = `incubators:{${w.a.id}}`;
    try {
      expect(await as(manager, tenanciesOf)).toEqual(new Set([w.a.id]));
      expect(await as(manager, tenanciesOf)).toEqual(new Set([w.a.id]));
      expect(await as(`incubators:{${w.b.id}}`, tenanciesOf)).toEqual(new Set([w.b.id]));
      // The transaction reads across scopes ('all', set inside it), then fails: the connection is
      // back to the manager's scope, which the next request of 'all' must not take for its own.
      const failed = as(manager, () =>
        one.db.transaction(async (tx) => {
          await acrossScopes(async () => tx.select({ id: tenants.id }).from(tenants));
          throw new Error('rolled back');
        }),
      );
      await expect(failed).rejects.toThrow('rolled back');
      expect(await as('all', tenanciesOf)).toEqual(new Set([w.a.id, w.a2.id, w.b.id]));
      expect(await as(manager, tenanciesOf)).toEqual(new Set([w.a.id]));
      expect(await as('', tenanciesOf)).toEqual(new Set());
      // A setting PostgreSQL refuses (a NUL byte): the statement behind it ran in the scope the
      // connection held before (the previous request's), and its answer must not be used; nor may a
      // transaction stay open on the connection.
      await as(manager, tenanciesOf);
      await expect(as('bad\u0000scope', tenanciesOf)).rejects.toThrow();
      await expect(
        as('bad\u0000scope', () => one.db.transaction(async (tx) => tx.select().from(tenants))),
      ).rejects.toThrow();
      expect(await as(`incubators:{${w.b.id}}`, tenanciesOf)).toEqual(new Set([w.b.id]));
      // Outside a transaction each statement is one of its own.
      const xid = () =>
        as(
          '',
          async () =>
            rowsOf<{ xid: string }>(await one.db.execute(sql`select pg_current_xact_id()::text as xid`))[0]!
              .xid,
        );
      expect(await xid()).not.toBe(await xid());
    } finally {
      if (one !== served) await one.close();
    }
  });
});

describe('vacuum after a bulk load', () => {
  it('sets the visibility map as the owner, and the app role is still policed afterwards', async () => {
    const allVisible = async () =>
      rowsOf<{ pages: number }>(
        await t.db.execute(sql`select relallvisible as pages from pg_class where relname = 'tenants'`),
      )[0]!.pages;
    await t.db.update(tenants).set({ name: sql`${tenants.name}` });
    expect(await allVisible()).toBe(0);
    await t.testDb.database.vacuum(['tenants']);
    expect(await allVisible()).toBeGreaterThan(0);
    // On PGlite the one connection was switched back to the owner: the server's handle switches again.
    expect(new Set(await asScope(`incubators:{${w.a.id}}`, unfilteredTenancies))).toEqual(new Set([w.a.id]));
    expect(await unfilteredTenancies()).toEqual([]);
  });
});

describe('the API on the app role', () => {
  it('answers a manager its tenants and 404 for another incubator', async () => {
    const own = await t.request({ url: `/api/v1/incubators/${w.a.id}/tenants`, token: w.managerA.token });
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(2);
    const other = await t.request({ url: `/api/v1/incubators/${w.b.id}/tenants`, token: w.managerA.token });
    expect(other.status).toBe(404);
  });
});
