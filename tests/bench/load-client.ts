// What the load benchmarks (burst.ts, mixed-load.ts) share: signing the demo accounts in, one timed
// request, percentiles, and writing a section of docs/benchmarks.md between its own markers (which
// report.ts keeps when it rewrites the file).
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/demo/accounts';
import { ROOT } from './processes';

export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

export interface Session {
  token: string;
  me: { id: string; incubatorIds: string[]; tenantId: string | null; companyId: string | null };
}

export async function signIn(base: string, account: DemoAccount): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO_ACCOUNTS[account].email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${account}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string; user: Session['me'] };
  return { token: body.accessToken, me: body.user };
}

export interface Timed {
  status: number;
  ms: number;
  /** The parsed JSON body of a 2xx answer (undefined otherwise or when not asked for). */
  body?: unknown;
  text?: string;
}

/** One request; status 0 is a network error. The body is read in full either way. */
export async function timed(
  base: string,
  token: string,
  path: string,
  init: { method?: string; body?: unknown; json?: boolean } = {},
): Promise<Timed> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    const ok = res.status >= 200 && res.status < 300;
    return {
      status: res.status,
      ms,
      ...(ok && init.json ? { body: JSON.parse(text) } : {}),
      ...(ok ? {} : { text: text.slice(0, 300) }),
    };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, text: String(error) };
  }
}

/**
 * Requests on a client of its own (node:http, kept alive): another user is another browser, and
 * fetch's one shared connection pool in this process may queue a request behind other users' slow
 * ones on the bench's side (seen: a /me waiting for the whole as-of burst, the server idle for it).
 */
export type Client = (
  path: string,
  init?: { method?: string; body?: unknown; json?: boolean },
) => Promise<Timed>;

export function ownClient(base: string, token: string): Client {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return (path, init = {}) =>
    new Promise<Timed>((resolve) => {
      const started = performance.now();
      const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
      const request = http.request(
        `${base}/api/v1${path}`,
        {
          agent,
          method: init.method ?? 'GET',
          headers: {
            authorization: `Bearer ${token}`,
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const ok = status >= 200 && status < 300;
            const text = ok && !init.json ? '' : Buffer.concat(chunks).toString('utf8');
            resolve({
              status,
              ms: performance.now() - started,
              ...(ok && init.json ? { body: JSON.parse(text) } : {}),
              ...(ok ? {} : { text: text.slice(0, 300) }),
            });
          });
        },
      );
      request.on('error', (error) =>
        resolve({ status: 0, ms: performance.now() - started, text: String(error) }),
      );
      request.end(payload);
    });
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

export const ms = (value: number) => (Number.isNaN(value) ? '–' : `${value.toFixed(0)} ms`);

export const machineLine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model.split(' ')[0] ?? 'CPU'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, Node ${process.version}`;

/** Replaces (or appends) the section between `<!-- name-bench -->` and `<!-- /name-bench -->`. */
export function writeSection(name: string, body: string) {
  const file = `${ROOT}docs/benchmarks.md`;
  const section = `<!-- ${name}-bench -->\n${body.trim()}\n<!-- /${name}-bench -->\n`;
  const current = readFileSync(file, 'utf8');
  const marked = new RegExp(`<!-- ${name}-bench -->[\\s\\S]*?<!-- /${name}-bench -->\\n?`);
  writeFileSync(
    file,
    marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}`,
  );
}
