// LISTEN on one channel, saying at every moment whether notifications are being received: a
// consumer may trust what it cached only while `onState(true)` holds (session-watch.ts). On
// PostgreSQL a connection of its own, re-established after it drops and probed every few seconds
// (a connection that silently stopped answering counts as lost); on PGlite the one in-process
// database, whose notifications are dispatched before the committing statement returns.
import postgres from 'postgres';

export interface ListenHandlers {
  onNotify(payload: string): void;
  /** true once LISTEN is in effect; false as soon as the connection is lost or stops answering. */
  onState(listening: boolean): void;
}

/** Stops listening and closes what it opened. */
export type Unlisten = () => Promise<void>;

const PROBE_EVERY_MS = 5_000;
const PROBE_TIMEOUT_MS = 2_000;
const RETRY_MS = 1_000;

export function listenPostgres(url: string, channel: string, handlers: ListenHandlers): Unlisten {
  let stopped = false;
  let listening = false;
  let client: postgres.Sql | undefined;
  let retry: NodeJS.Timeout | undefined;
  const state = (next: boolean) => {
    if (next === listening) return;
    listening = next;
    handlers.onState(next);
  };
  const drop = () => {
    state(false);
    const old = client;
    client = undefined;
    void old?.end({ timeout: 0 }).catch(() => {});
    if (!stopped && !retry) retry = setTimeout(connect, RETRY_MS).unref();
  };
  async function connect() {
    retry = undefined;
    if (stopped) return;
    // The options postgres.js's own listen() uses (onnotify and a null lifetime are untyped there).
    const sql = postgres(url, {
      max: 1,
      idle_timeout: null,
      max_lifetime: null,
      connect_timeout: 5,
      fetch_types: false,
      onnotice: () => {},
      onnotify: (name: string, payload: string) => {
        if (name === channel) handlers.onNotify(payload);
      },
      // The one connection went away: LISTEN with it.
      onclose: () => {
        if (client === sql) drop();
      },
    } as unknown as postgres.Options<Record<string, never>>);
    client = sql;
    try {
      await sql.unsafe(`listen "${channel.replaceAll('"', '""')}"`);
      if (client === sql && !stopped) state(true);
    } catch {
      if (client === sql) drop();
    }
  }
  const probe = setInterval(() => {
    const sql = client;
    if (!sql || !listening) return;
    const lost = () => {
      if (client === sql) drop();
    };
    const timer = setTimeout(lost, PROBE_TIMEOUT_MS);
    sql`select 1`.then(
      () => clearTimeout(timer),
      () => {
        clearTimeout(timer);
        lost();
      },
    );
  }, PROBE_EVERY_MS);
  probe.unref();
  void connect();
  return async () => {
    stopped = true;
    clearInterval(probe);
    if (retry) clearTimeout(retry);
    state(false);
    const old = client;
    client = undefined;
    await old?.end({ timeout: 1 }).catch(() => {});
  };
}

interface PgliteListener {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

export async function listenPglite(
  client: PgliteListener,
  channel: string,
  handlers: ListenHandlers,
): Promise<Unlisten> {
  const unlisten = await client.listen(channel, handlers.onNotify);
  handlers.onState(true);
  return async () => {
    handlers.onState(false);
    await unlisten().catch(() => {});
  };
}
