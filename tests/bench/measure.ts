// Load generation (autocannon) with exact latency percentiles, and the server's resident memory.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Measurement {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Requests by status code other than 2xx, to say what went wrong. */
  failures: Record<string, number>;
}

export interface Target {
  name: string;
  url: string;
  token?: string;
}

interface Run {
  requests: number;
  seconds: number;
  latencies: number[];
  non2xx: number;
  errors: number;
  failures: Record<string, number>;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function run(target: Target, seconds: number, connections: number): Promise<Run> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: target.url,
    duration: seconds,
    connections,
    headers: target.token ? { authorization: `Bearer ${target.token}` } : {},
  });
  // Without a callback autocannon answers an event emitter that is also a promise.
  (instance as unknown as NodeJS.EventEmitter).on(
    'response',
    (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
    },
  );
  const result = await instance;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latencies,
    non2xx: result.non2xx,
    errors: result.errors,
    failures: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {})
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, { count }]) => [code, count ?? 0]),
    ),
  };
}

function summarise(name: string, runs: Run[]): Measurement {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  return {
    name,
    rps: requests / runs.reduce((s, r) => s + r.seconds, 0),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    requests,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    failures: runs.reduce<Record<string, number>>((all, r) => {
      for (const [code, n] of Object.entries(r.failures)) all[code] = (all[code] ?? 0) + n;
      return all;
    }, {}),
  };
}

/** One endpoint for `seconds`, after a one-second warm-up. */
export async function measure(target: Target, seconds: number, connections: number): Promise<Measurement> {
  await run(target, 1, connections);
  return summarise(target.name, [await run(target, seconds, connections)]);
}

/**
 * Endpoints to compare, in alternating rounds that share `seconds` each: a busy machine's drift
 * then weighs on all of them alike.
 */
export async function measureInterleaved(
  targets: Target[],
  seconds: number,
  connections: number,
  rounds = 5,
) {
  for (const target of targets) await run(target, 1, connections);
  const runs = targets.map(() => [] as Run[]);
  const each = Math.max(1, Math.round(seconds / rounds));
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, target] of targets.entries()) runs[i]!.push(await run(target, each, connections));
  }
  return targets.map((target, i) => summarise(target.name, runs[i]!));
}

/** Resident set size of a process, MiB (Linux /proc). */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Samples a process's RSS until stopped; returns the peak. */
export function sampleRss(pid: number, everyMs = 100) {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      // the process is gone
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
