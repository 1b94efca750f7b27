// The caller's scope, declared to PostgreSQL for row-level security (drizzle/0017): every
// statement the serving pool runs carries the scope of the request (or task) it runs for, in the
// connection setting `torch.scope`, which the policies read.
//
// Why a connection per request rather than a transaction per statement: a lone read would take
// begin, read and commit (three round trips; the list ran at 0.87 of the app without policies).
// Instead a request leases one connection at its first statement, and the setting goes out in the
// same write as that statement (pipelined: no extra round trip); the lease ends with the response.
// The setting is sent only when the connection does not hold it already: what each connection's
// session holds is kept with the connection (our postgres.js patch: `session`, emptied when the
// connection closes), written when the setting is sent and forgotten when a rollback may have
// undone it or the statement that sets it fails. A user's requests in a row then send it once.
//
// drizzle is given this object as its postgres.js client: it calls unsafe(), begin() and savepoint()
// and reads options; each call finds its request's lease through AsyncLocalStorage.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sql } from 'postgres';

/** What torch.scope may hold (the policies' vocabulary; 0017 explains each). */
export type ScopeSetting = string;

/** Everything: the Torch Center, and the server's deliberate cross-scope reads. */
export const ALL_SCOPES: ScopeSetting = 'all';
/** Nothing of any incubator: before sign-in, and whatever runs without a declared scope. */
export const NO_SCOPE: ScopeSetting = '';

const SET_SCOPE = "select set_config('torch.scope', $1, false)";

interface ScopeContext {
  scope: ScopeSetting;
  /** The request's connection; absent outside requests (each statement leases its own then). */
  lease?: Lease;
}

const storage = new AsyncLocalStorage<ScopeContext>();

/** Runs `fn` (a request) with its own lease, if any; its scope is declared later by `declareScope`. */
export function runRequest<T>(lease: Lease | undefined, fn: () => T): T {
  return storage.run({ scope: NO_SCOPE, lease }, fn);
}

/** The scope of whatever runs now (nothing outside any request or task). */
export function currentScope(): ScopeSetting {
  return storage.getStore()?.scope ?? NO_SCOPE;
}

/** The signed-in caller's scope, for the rest of the request. */
export function declareScope(scope: ScopeSetting) {
  const context = storage.getStore();
  if (context) context.scope = scope;
}

/**
 * Runs `fn` seeing every incubator: for the reads the application makes across scopes on purpose
 * (a company's earlier stays, a ticker's uniqueness, a return's cohort, background work). The
 * request's lease is kept: the setting changes on the same connection.
 */
export function acrossScopes<T>(fn: () => PromiseLike<T>): Promise<T> {
  // Awaited inside: a query builder returned as it is would run when awaited, outside the scope.
  return storage.run({ scope: ALL_SCOPES, lease: storage.getStore()?.lease }, async () => await fn());
}

/**
 * Runs `fn` in the same scope but off the request's connection: each statement (or transaction)
 * leases one of its own. For bookkeeping that must land by itself while the request's own
 * transaction runs (an import's progress, read by other processes meanwhile).
 */
export function onOwnConnections<T>(fn: () => Promise<T>): Promise<T> {
  return storage.run({ scope: storage.getStore()?.scope ?? NO_SCOPE }, fn);
}

/** What a connection's session holds, as far as we know (postgres.js patch; undefined: unknown). */
interface SessionState {
  scope?: ScopeSetting;
}
type Reserved = Sql & { release(): void; session: SessionState };
type Pending = Promise<unknown> & { values(): Promise<unknown> };

/** Waiting for a connection is bounded like connecting: the request then fails fast with a 503. */
function reserveWithin(pool: Sql, ms: number): Promise<Reserved> {
  const reserved = pool.reserve() as Promise<Reserved>;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        Object.assign(new Error('No database connection became free in time'), { code: 'CONNECT_TIMEOUT' }),
      );
      // A connection that arrives after all goes straight back.
      reserved.then((c) => c.release()).catch(() => {});
    }, ms);
    reserved.then(
      (c) => {
        clearTimeout(timer);
        resolve(c);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** One connection, held from the first statement until released, and the scope set on it. */
export class Lease {
  #connection?: Promise<Reserved>;
  /** The session of the connection, once reserved. */
  #session?: SessionState;
  #released = false;
  /** Statements handed to the lease and not yet answered: the connection goes back after them. */
  #pending = 0;

  constructor(
    private readonly pool: Sql,
    private readonly waitMs: number,
  ) {}

  get released() {
    return this.#released;
  }

  /**
   * Runs a statement on the lease's connection with `scope` set ahead of it. The setting and the
   * statement are handed to the connection in the same tick: a concurrent statement of the same
   * request (another scope, acrossScopes) cannot come between them. A null scope leaves the
   * setting as it is (commit, rollback).
   */
  async run(scope: ScopeSetting | null, execute: Execute, values: boolean): Promise<unknown> {
    if (this.#released) throw new Error('A released lease was used');
    this.#pending += 1;
    try {
      return await this.#run(scope, execute, values);
    } finally {
      this.#pending -= 1;
      if (this.#released && this.#pending === 0) this.#giveBack();
    }
  }

  async #run(scope: ScopeSetting | null, execute: Execute, values: boolean): Promise<unknown> {
    this.#connection ??= reserveWithin(this.pool, this.waitMs);
    let c: Reserved;
    try {
      c = await this.#connection;
    } catch (error) {
      this.#connection = undefined;
      throw error;
    }
    const session = c.session;
    this.#session = session;
    let set: Promise<unknown> | undefined;
    if (scope !== null && session.scope !== scope) {
      // Not awaited: sent in the same write as the statement that follows. Prepared: an unprepared
      // statement with a parameter is described first, a round trip of its own before anything
      // after it may be sent.
      session.scope = scope;
      set = c.unsafe(SET_SCOPE, [scope], { prepare: true });
      set.catch(() => {
        session.scope = undefined;
      });
    }
    const query = execute(c);
    // then() now, not when an async function's return would call it (a microtask later).
    return new Promise((resolve, reject) => {
      (values ? query.values() : query).then(
        // Each statement is its own exchange: had the setting failed, the statement still ran, in
        // whatever scope the connection held before. Its answer is then not used. (The setting is
        // answered first: by now it has settled. A write is in a transaction, whose begin fails.)
        (rows) => (set ? set.then(() => resolve(rows), reject) : resolve(rows)),
        reject,
      );
    });
  }

  /** A rolled-back transaction also undid any scope set inside it. */
  forgetScope() {
    if (this.#session) this.#session.scope = undefined;
  }

  /**
   * The request is over. The connection goes back to the pool once the statements still under way
   * have been answered (a request may answer while a parallel read of it runs: Promise.all
   * rejected by the other); a statement started afterwards takes a lease of its own.
   */
  release() {
    if (this.#released) return;
    this.#released = true;
    if (this.#pending === 0) this.#giveBack();
  }

  #giveBack() {
    const connection = this.#connection;
    this.#connection = undefined;
    connection?.then((c) => c.release()).catch(() => {});
  }
}

/** A statement whose connection is found when drizzle awaits it (or asks for its values). */
function deferred(run: (values: boolean) => Promise<unknown>): Pending {
  let started: Promise<unknown> | undefined;
  const start = (values: boolean) => {
    started ??= run(values);
    return started;
  };
  const pending = {
    values: () => start(true),
    // biome-ignore lint/suspicious/noThenProperty: drizzle awaits the statement itself
    then: (resolve?: (v: unknown) => unknown, reject?: (e: unknown) => unknown) =>
      start(false).then(resolve, reject),
    catch: (reject: (e: unknown) => unknown) => start(false).catch(reject),
  };
  return pending as unknown as Pending;
}

type Execute = (sql: Sql) => Pending;

/** The postgres.js client drizzle is given: every statement runs on a lease with its scope. */
export function scopedClient(pool: Sql, options: { waitMs: number }) {
  /** The request's lease if it is still open; otherwise one for this statement or transaction. */
  function leaseFor(context: ScopeContext | undefined): { lease: Lease; own: boolean } {
    if (context?.lease && !context.lease.released) return { lease: context.lease, own: false };
    return { lease: new Lease(pool, options.waitMs), own: true };
  }

  function statement(execute: Execute): Pending {
    const context = storage.getStore();
    return deferred(async (values) => {
      const { lease, own } = leaseFor(context);
      try {
        return await lease.run(context?.scope ?? NO_SCOPE, execute, values);
      } finally {
        if (own) lease.release();
      }
    });
  }

  /** drizzle's transaction: begin, the callback, commit (or rollback) on the lease's connection. */
  async function begin<T>(fn: (tx: unknown) => Promise<T>): Promise<T> {
    const context = storage.getStore();
    const { lease, own } = leaseFor(context);
    let savepoints = 0;
    try {
      const run = (text: string, scope: ScopeSetting | null = currentScope()) =>
        lease.run(scope, (c) => c.unsafe(text) as unknown as Pending, false);
      // Inside, a statement may run across scopes (acrossScopes): the setting follows it.
      const inside = (execute: Execute): Pending =>
        deferred((values) => lease.run(currentScope(), execute, values));
      const txClient = {
        options: pool.options,
        unsafe: (text: string, params?: unknown[], opts?: object) =>
          inside((s) => s.unsafe(text, params as never[], opts as never) as unknown as Pending),
        savepoint: async <S>(inner: (tx: unknown) => Promise<S>): Promise<S> => {
          savepoints += 1;
          const name = `s${savepoints}`;
          await run(`savepoint ${name}`);
          try {
            const result = await inner(txClient);
            await run(`release savepoint ${name}`);
            return result;
          } catch (error) {
            await run(`rollback to savepoint ${name}`, null);
            lease.forgetScope();
            throw error;
          }
        },
      };
      try {
        // In the try: a begin whose scope setting failed has still opened the transaction.
        await run('begin', context?.scope ?? NO_SCOPE);
        const result = await fn(txClient);
        await run('commit', null);
        return result;
      } catch (error) {
        lease.forgetScope();
        await run('rollback', null).catch(() => {});
        throw error;
      }
    } finally {
      if (own) lease.release();
    }
  }

  return {
    options: pool.options,
    unsafe: (text: string, params?: unknown[], opts?: object) =>
      statement((s) => s.unsafe(text, params as never[], opts as never) as unknown as Pending),
    begin,
    /** For the request hooks: a lease on this pool. */
    lease: () => new Lease(pool, options.waitMs),
  };
}
