// Ratios against the targets, and docs/benchmarks.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Measurement } from './measure';

/** One read measured against its baseline in the same interleaved rounds. */
export interface ReadPair {
  name: string;
  ours: Measurement;
  base: Measurement;
}

export interface ScaleResult {
  scale: number;
  database: 'postgres' | 'pglite';
  loadSeconds: number;
  /** The statistics rebuild alone (the load includes it); PostgreSQL only. */
  rebuildSeconds?: number;
  counts: Record<string, number>;
  /** GET /me and the summaries (PostgreSQL only). */
  results: Measurement[];
  reads: ReadPair[];
  cold?: { p50: number; p95: number };
  rssIdle: number;
  rssPeak: number;
}

export const TARGETS = { readVsBaseline: 0.8, summaryVsMe: 3, rssMiB: 200 };

/** ours ÷ baseline: requests per second, and latency the other way up (baseline p50 ÷ ours). */
export const ratios = (p: ReadPair) => ({
  rps: p.ours.rps / p.base.rps,
  p50: p.base.p50 / Math.max(p.ours.p50, 0.1),
});

export function evaluate(r: ScaleResult) {
  const missed = r.reads.flatMap((p) => {
    const { rps, p50 } = ratios(p);
    return rps < TARGETS.readVsBaseline || p50 < TARGETS.readVsBaseline
      ? [`${p.name} at ${rps.toFixed(2)} (req/s), ${p50.toFixed(2)} (p50) of its baseline`]
      : [];
  });
  const me = r.results.find((m) => m.name === 'GET /me');
  const summaries = r.results.filter((m) => m.name.startsWith('GET /stats/summary'));
  if (me && summaries.length) {
    const worst = Math.min(...summaries.map((m) => m.rps));
    if (me.rps / worst > TARGETS.summaryVsMe)
      missed.push(`summary ${(me.rps / worst).toFixed(2)}× slower than /me`);
  }
  // The memory target is the API server's; on PGlite the database itself lives in that process.
  if (r.database === 'postgres' && r.rssPeak >= TARGETS.rssMiB)
    missed.push(`RSS ${r.rssPeak.toFixed(0)} MiB`);
  return missed;
}

const failures = (m: Measurement) =>
  m.non2xx || m.errors ? ` (${m.non2xx} non-2xx, ${m.errors} errors)` : '';

const summaryRow = (m: Measurement, me: Measurement) => {
  const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.1)).toFixed(2)}×`;
  const rel = m === me ? ['', ''] : [ratio(m.p50, me.p50), ratio(m.p95, me.p95)];
  return `| ${m.name} | ${m.rps.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p95.toFixed(1)} | ${rel.join(' | ')} | ${m.requests}${failures(m)} |`;
};

const readRow = (p: ReadPair) => {
  const { rps, p50 } = ratios(p);
  return `| ${p.name} | ${p.ours.rps.toFixed(0)} · ${p.ours.p50.toFixed(1)} ms | ${p.base.rps.toFixed(0)} · ${p.base.p50.toFixed(1)} ms | **${rps.toFixed(2)}** | **${p50.toFixed(2)}** | ${p.ours.p95.toFixed(1)} / ${p.base.p95.toFixed(1)} |${failures(p.ours)}${failures(p.base)}`;
};

function section(r: ScaleResult) {
  const missed = evaluate(r);
  const counts = Object.entries(r.counts)
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ');
  const me = r.results.find((m) => m.name === 'GET /me');
  const statistics = me
    ? `
| endpoint | req/s | p50 ms | p95 ms | p50 ÷ /me | p95 ÷ /me | requests |
|---|---:|---:|---:|---:|---:|---:|
${r.results.map((m) => summaryRow(m, me)).join('\n')}

- Summary with the cache missed every time (statistics version bumped before each of 40 requests): p50 **${r.cold?.p50.toFixed(1)} ms**, p95 ${r.cold?.p95.toFixed(1)} ms.
`
    : '';
  return `## ${r.database === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)'}, scale ${r.scale}

Dataset: ${counts}.
Load: ${Number.isNaN(r.loadSeconds) ? `not timed (loaded before: ${r.database === 'postgres' ? 'BENCH_REUSE_POSTGRES' : 'a data directory copied, BENCH_PGLITE_DIR'})` : `**${r.loadSeconds.toFixed(1)} s**`}${r.rebuildSeconds !== undefined && !Number.isNaN(r.rebuildSeconds) ? `; of which the statistics rebuild (timed again on its own): **${r.rebuildSeconds.toFixed(1)} s**` : ''}.
${statistics}
### Reads against the best plain SQL

The baseline (tests/bench/baseline-sql.ts) answers each read with one hand-written, prepared
statement on bare Fastify and the bare driver: the same rows, order and totals (checked by
tests/api/bench-baseline.test.ts). Ratios are ours ÷ baseline (req/s; p50 the other way up, so
1.00 is as fast and higher is better), target ≥ ${TARGETS.readVsBaseline}.

| read (Wuhan East Lake; national user) | ours req/s · p50 | baseline req/s · p50 | req/s ratio | p50 ratio | p95 ms ours / baseline |
|---|---:|---:|---:|---:|---:|
${r.reads.map(readRow).join('\n')}

- Server RSS: ${r.rssIdle.toFixed(0)} MiB idle after start, peak under load **${r.rssPeak.toFixed(0)} MiB** (${r.database === 'postgres' ? `target < ${TARGETS.rssMiB}` : 'the embedded database included'}).
- ${missed.length ? `Missed: ${missed.join('; ')}.` : 'All targets met.'}
`;
}

export function writeReport(
  file: string,
  results: ScaleResult[],
  meta: { seconds: number; connections: number; lastYear: number; machine: string; appendix: string },
): string {
  // Sections other benchmarks write (between <!-- name-bench --> markers) survive this rewrite.
  const kept = existsSync(file)
    ? (readFileSync(file, 'utf8').match(/<!-- ([\w-]+)-bench -->[\s\S]*?<!-- \/\1-bench -->\n?/g) ?? [])
    : [];
  writeFileSync(
    file,
    `# Benchmarks

Generated by \`pnpm bench\` (tests/bench/run.ts) — do not edit by hand (the query plans at the end
are written by it too). The real server in its own process (NODE_ENV=production, LOG_LEVEL=warn,
pool of 10), autocannon with ${meta.connections} connections for ${meta.seconds} s per endpoint (after a 1 s warm-up, in
5 alternating rounds: /me with the summaries, each read with its baseline, so a busy machine's drift
weighs on what is compared alike), national user, statistics year ${meta.lastYear}.
Machine: ${meta.machine}. Numbers from a shared or busy machine are noisy; compare the ratios
(measured side by side), not the absolutes.

${results.map(section).join('\n')}
${meta.appendix}${kept.length ? `\n${kept.join('\n')}` : ''}`,
  );
  return file;
}
