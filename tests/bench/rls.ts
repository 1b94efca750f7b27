// The cost of row-level security (issue 11, item 3; docs/security.md): the same server twice on
// the same PostgreSQL database, side by side in alternating rounds. One serves as torch_app under
// the policies, as production does. The other logs in as the owner (APP_DATABASE_URL = the
// superuser's DATABASE_URL), which the policies do not apply to. Both run the same code,
// connection lease and scope setting included, so the ratio is the policies' cost. Callers are
// the ones the policies work hardest for: a manager (its incubator's list and search) and a
// province (an incubator's list, and its summary), plus the national summary. Target: within 10%.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchIds } from './baseline-sql';
import { type DemoAccount, signIn } from './load-client';
import { type Measurement, measureInterleaved } from './measure';
import type { Running } from './processes';

export const RLS_TARGET = 0.9;

export interface RlsBench {
  scale: number;
  pairs: { name: string; policed: Measurement; bypassed: Measurement }[];
}

export async function benchRowSecurity(options: {
  policed: Running;
  bypassed: Running;
  ids: BenchIds;
  scale: number;
  year: number;
  seconds: number;
  connections: number;
  log: (line: string) => void;
}): Promise<RlsBench> {
  const { policed, bypassed, ids, year } = options;
  const reads: { who: DemoAccount; name: string; path: string }[] = [
    {
      who: 'wuhan',
      name: 'manager: incubator tenants',
      path: `/incubators/${ids.incubatorId}/tenants`,
    },
    {
      who: 'wuhan',
      name: 'manager: tenant search q=科技',
      path: `/incubators/${ids.incubatorId}/tenants?q=${encodeURIComponent('科技')}`,
    },
    {
      who: 'wuhan',
      name: "manager: a tenant's reports",
      path: `/tenants/${ids.tenantId}/reports`,
    },
    {
      // The province's reach is a list of its incubators, compared per row (drizzle/0018).
      who: 'hubei',
      name: 'province: incubator tenants',
      path: `/incubators/${ids.incubatorId}/tenants`,
    },
    {
      who: 'hubei',
      name: 'province: summary by field',
      path: `/stats/summary?year=${year}&groupBy=field`,
    },
    {
      who: 'national',
      name: 'national: summary by province',
      path: `/stats/summary?year=${year}&groupBy=province`,
    },
  ];
  const tokens = new Map<DemoAccount, [string, string]>();
  for (const { who } of reads)
    if (!tokens.has(who))
      tokens.set(who, [(await signIn(policed.base, who)).token, (await signIn(bypassed.base, who)).token]);
  const pairs: RlsBench['pairs'] = [];
  for (const read of reads) {
    const [policedToken, bypassedToken] = tokens.get(read.who)!;
    const [a, b] = await measureInterleaved(
      [
        { name: read.name, url: `${policed.base}/api/v1${read.path}`, token: policedToken },
        { name: `${read.name} (bypassed)`, url: `${bypassed.base}/api/v1${read.path}`, token: bypassedToken },
      ],
      options.seconds,
      options.connections,
    );
    if (a!.non2xx || b!.non2xx)
      throw new Error(`${read.name}: non-2xx answers ${JSON.stringify([a!.failures, b!.failures])}`);
    pairs.push({ name: read.name, policed: a!, bypassed: b! });
    options.log(
      `  RLS ${read.name}: ${a!.rps.toFixed(0)} req/s p50 ${a!.p50.toFixed(2)} ms; bypassed ${b!.rps.toFixed(0)} req/s p50 ${b!.p50.toFixed(2)} ms`,
    );
  }
  return { scale: options.scale, pairs };
}

const all: RlsBench[] = [];

function section(r: RlsBench) {
  const rows = r.pairs.map(({ name, policed, bypassed }) => {
    const rps = policed.rps / bypassed.rps;
    const p50 = bypassed.p50 / policed.p50;
    const ok = rps >= RLS_TARGET && p50 >= RLS_TARGET ? 'met' : '**missed**';
    return `| ${name} | ${policed.rps.toFixed(0)} · ${policed.p50.toFixed(2)} ms | ${bypassed.rps.toFixed(0)} · ${bypassed.p50.toFixed(2)} ms | ${rps.toFixed(2)} · ${p50.toFixed(2)} | ${ok} |`;
  });
  return `### PostgreSQL, scale ${r.scale}

| read | under the policies req/s · p50 | policies bypassed req/s · p50 | ratio req/s · p50 | target ≥ ${RLS_TARGET} |
|---|---|---|---|---|
${rows.join('\n')}
`;
}

export function writeRlsSection(file: string, result: RlsBench) {
  all.push(result);
  const body = `<!-- rls-bench -->
## Row-level security (tests/bench/rls.ts)

The same server twice on one database, in 5 alternating rounds of 10 connections: one serves as
\`torch_app\` under the policies, as production does. The other logs in as the owner, which the
policies do not apply to. Both lease a connection per request and set the scope on it when it
does not hold that scope already. A ratio of 1.00
means no cost; the target is within 10% (≥ ${RLS_TARGET}). The reads' comparison with the best plain
SQL above is also made under the policies (the baseline server logs in as the owner).

${all.map(section).join('\n')}<!-- /rls-bench -->
`;
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marked = /<!-- rls-bench -->[\s\S]*?<!-- \/rls-bench -->\n?/;
  writeFileSync(file, marked.test(old) ? old.replace(marked, body) : `${old}\n${body}`);
}
