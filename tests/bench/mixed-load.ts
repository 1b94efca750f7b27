// Issue 11's mixed load: for MIXED_SECONDS (default 60) every role at once through the real API,
// reads and writes — the Torch Center (national), the Hubei province, Wuhan East Lake's managers
// and a tenant company — each virtual user asking again as soon as answered. It must end with no
// errors other than 429 (a per-user limit) and 503 (load shed); p95 per role is reported.
import { STATS_GROUPINGS, todayInChina } from '@torch/shared';
import { makeUscc } from '../../server/src/demo/uscc-maker';
import { type DemoAccount, ms, ownClient, percentile, type Session, signIn, type Timed } from './load-client';

const SECONDS = Number(process.env.BENCH_MIXED_SECONDS ?? 60);
/** Virtual users per role: the demo has one account per role, signed in once per user. */
const USERS: Record<string, { account: DemoAccount; count: number }> = {
  national: { account: 'national', count: 2 },
  province: { account: 'hubei', count: 2 },
  manager: { account: 'wuhan', count: 3 },
  tenant: { account: 'tenant', count: 1 },
};
const ALLOWED = new Set([429, 503]);

interface Tally {
  latencies: number[];
  statuses: Record<string, number>;
  /** The first few unexpected answers, to say what went wrong. */
  samples: string[];
}

export interface MixedResult {
  database: string;
  scale: number;
  seconds: number;
  roles: Record<string, Tally>;
}

type Step = () => Promise<Timed>;

/** A user's next request, picked from its role's mix (deterministic per user: a counter). */
type Mix = (n: number) => Step;

const lastYear = new Date().getFullYear() - 1;
const today = todayInChina();
const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
let serial = 5e12 + (Date.now() % 1e9) * 1000;
const uscc = () => makeUscc('420100', serial++);
const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;

async function nationalMix(base: string, s: Session, nth: number): Promise<Mix> {
  const call = ownClient(base, s.token);
  // This user's own incubator to edit (outside Hubei: no other virtual user writes it).
  const list = await call('/incubators?page=1&pageSize=20', { json: true });
  const items = (list.body as { items: { id: string; provinceCode: string }[] }).items.filter(
    (i) => i.provinceCode !== '420000',
  );
  const mine = items[nth]!.id;
  let version: number | null = null;
  let area = 0;
  return (n) => {
    switch (n % 8) {
      case 0:
        return () => call('/me');
      case 1:
      case 2:
        return () => call(`/stats/summary?year=${lastYear}&groupBy=${pick(STATS_GROUPINGS, n)}`);
      case 3:
        return () => call(`/incubators?page=${1 + (n % 5)}`);
      case 4:
        return () => call(`/returns/completeness?year=${lastYear}`);
      case 5:
        return () =>
          call(`/stats/timeseries?indicator=tenantsIncubating&from=${lastYear - 4}&to=${lastYear}`);
      case 6:
        return () => call(`/incubators/${mine}`);
      default:
        // A write that changes no statistic: the incubator's area.
        return async () => {
          if (version === null) {
            const got = await call(`/incubators/${mine}`, { json: true });
            if (got.status !== 200) return got;
            ({ version, totalArea: area } = got.body as { version: number; totalArea: number });
          }
          const r = await call(`/incubators/${mine}`, {
            method: 'PATCH',
            body: { version, totalArea: area + 1 },
            json: true,
          });
          if (r.status === 200)
            ({ version, totalArea: area } = r.body as { version: number; totalArea: number });
          return r;
        };
    }
  };
}

function provinceMix(base: string, s: Session): Mix {
  const call = ownClient(base, s.token);
  return (n) => {
    switch (n % 6) {
      case 0:
        return () => call('/me');
      case 1:
      case 2:
        return () => call(`/stats/summary?year=${lastYear}&groupBy=${pick(STATS_GROUPINGS, n)}`);
      case 3: {
        // An as-of day: expensive, limited per user (429 past the limit).
        const day = `${lastYear}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
        return () => call(`/stats/summary?asOf=${day}&groupBy=${pick(STATS_GROUPINGS, n)}`);
      }
      case 4:
        return () => call(`/incubators?page=${1 + (n % 3)}`);
      default:
        return () => call(`/returns/completeness?year=${lastYear}`);
    }
  };
}

function managerMix(base: string, s: Session): Mix {
  const call = ownClient(base, s.token);
  const incubator = s.me.incubatorIds[0]!;
  /** Tenancies this user admitted in the run, with their versions: only it writes them. */
  const own: { id: string; version: number }[] = [];
  let listed: string[] = [];
  return (n) => {
    switch (n % 9) {
      case 0:
        return () => call('/me');
      case 1:
      case 2:
        return async () => {
          const r = await call(`/incubators/${incubator}/tenants?page=${1 + (n % 10)}`, {
            json: true,
          });
          if (r.status === 200) listed = (r.body as { items: { id: string }[] }).items.map((t) => t.id);
          return r;
        };
      case 3:
        return () => call(listed.length ? `/tenants/${pick(listed, n)}` : '/me');
      case 4:
        return () => call(`/incubators/${incubator}/dashboard`);
      case 5:
        // Admits a new company: a write that changes statistics (the cube, in the same transaction).
        return async () => {
          const r = await call(`/incubators/${incubator}/tenants`, {
            method: 'POST',
            body: {
              name: `武汉负载${serial % 1e6}科技有限公司`,
              uscc: uscc(),
              foundedOn: yearAgo,
              admittedOn: today,
              field: pick(['electronic_information', 'biomedicine', 'new_materials'], n),
            },
            json: true,
          });
          if (r.status === 201) own.push(r.body as { id: string; version: number });
          return r;
        };
      case 6:
        return () =>
          own.length
            ? call(`/tenants/${pick(own, n).id}/investments`, {
                method: 'POST',
                body: { investorKind: 'angel', amount: 100_000 + n, investedOn: today },
              })
            : call(`/incubators/${incubator}/investments/totals`);
      case 7:
        return () => call(`/stats/summary?year=${lastYear}&groupBy=field`);
      default:
        // A website edit of one of its own admissions (no statistic changes).
        return async () => {
          const tenancy = own.length ? pick(own, n) : null;
          if (!tenancy) return call(`/incubators/${incubator}`);
          const r = await call(`/tenants/${tenancy.id}`, {
            method: 'PATCH',
            body: { version: tenancy.version, website: `https://load${n}.example.cn` },
            json: true,
          });
          if (r.status === 200) tenancy.version = (r.body as { version: number }).version;
          return r;
        };
    }
  };
}

function tenantMix(base: string, s: Session): Mix {
  const call = ownClient(base, s.token);
  const tenancy = s.me.tenantId!;
  let version: number | null = null;
  return (n) => {
    switch (n % 5) {
      case 0:
        return () => call('/me');
      case 1:
        return () => call(`/tenants/${tenancy}`);
      case 2:
        return () => call(`/tenants/${tenancy}/reports`);
      case 3:
        return () => call(`/tenants/${tenancy}/investments`);
      default:
        // Its own contact phone (a profile field the company keeps itself).
        return async () => {
          if (version === null) {
            const got = await call(`/tenants/${tenancy}`, { json: true });
            if (got.status !== 200) return got;
            version = (got.body as { version: number }).version;
          }
          const r = await call(`/tenants/${tenancy}`, {
            method: 'PATCH',
            body: { version, contactPhone: `027-${String(80000000 + n).slice(0, 8)}` },
            json: true,
          });
          if (r.status === 200) version = (r.body as { version: number }).version;
          else if (r.status === 409) version = null;
          return r;
        };
    }
  };
}

export async function mixedLoad(base: string, database: string, scale: number): Promise<MixedResult> {
  const roles: Record<string, Tally> = {};
  const users: { role: string; mix: Mix }[] = [];
  for (const [role, { account, count }] of Object.entries(USERS)) {
    roles[role] = { latencies: [], statuses: {}, samples: [] };
    for (let nth = 0; nth < count; nth++) {
      const s = await signIn(base, account);
      const mix =
        role === 'national'
          ? await nationalMix(base, s, nth)
          : role === 'province'
            ? provinceMix(base, s)
            : role === 'manager'
              ? managerMix(base, s)
              : tenantMix(base, s);
      users.push({ role, mix });
    }
  }
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    users.map(async ({ role, mix }, u) => {
      const tally = roles[role]!;
      for (let n = u; performance.now() < end; n++) {
        const r = await mix(n)();
        tally.latencies.push(r.ms);
        tally.statuses[r.status] = (tally.statuses[r.status] ?? 0) + 1;
        if ((r.status < 200 || r.status >= 300) && !ALLOWED.has(r.status) && tally.samples.length < 5)
          tally.samples.push(`${r.status} ${r.text ?? ''}`);
      }
    }),
  );
  return { database, scale, seconds: SECONDS, roles };
}

/** Answers other than 2xx, 429 and 503. */
export const mixedErrors = (t: Tally) =>
  Object.entries(t.statuses)
    .filter(([s]) => !(Number(s) >= 200 && Number(s) < 300) && !ALLOWED.has(Number(s)))
    .reduce((sum, [, n]) => sum + n, 0);

export function mixedTable(r: MixedResult) {
  const rows = Object.entries(r.roles).map(([role, t]) => {
    const statuses = Object.entries(t.statuses)
      .map(([s, n]) => `${n.toLocaleString('en-US')} × ${s === '0' ? 'network error' : s}`)
      .join(', ');
    return `| ${role} (${USERS[role]!.count}) | ${t.latencies.length.toLocaleString('en-US')} | ${(t.latencies.length / r.seconds).toFixed(0)} | ${ms(percentile(t.latencies, 50))} | **${ms(percentile(t.latencies, 95))}** | ${ms(percentile(t.latencies, 99))} | ${statuses} | ${mixedErrors(t)} |`;
  });
  return `| role (users) | requests | req/s | p50 | p95 | p99 | answers | errors (not 2xx/429/503) |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}`;
}
