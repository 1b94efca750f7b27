// Row-level security on the embedded database (docs/security.md). PGlite is one connection,
// shared by every request and by the owner's work (migrations, tools, tests' fixtures). So each
// statement says who runs it: the owner, or torch_app with the scope of the request it runs for.
// The connection is switched (set_config of role and torch.scope) only when that changes. The
// switch goes in the same exchange as the statement, under PGlite's lock, so nothing else can run
// between them.
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { APP_ROLE_NAME } from './app-role';
import type { Queryable, QueryConfig, SessionOf, SessionSwitch } from './pglite-statements';
import { currentScope } from './scoped-client';

const SWITCH = "select set_config('role', $1, false), set_config('torch.scope', $2, false)";
/** set_config('role', 'none') is RESET ROLE: the session's own user, the owner. */
const OWNER: SessionOf = { key: 'owner', values: ['none', ''] };
const asApp = (): SessionOf => {
  const scope = currentScope();
  return { key: `app ${scope}`, values: [APP_ROLE_NAME, scope] };
};

type Sessions = { switch: SessionSwitch; of: () => SessionOf };

export function pgliteSwitch(): SessionSwitch {
  return { current: undefined, text: SWITCH };
}

/** The handle's sessions: the owner's, or the app role's in the caller's scope. */
export function sessionsOf(sw: SessionSwitch, app: boolean): Sessions {
  return { switch: sw, of: app ? asApp : () => OWNER };
}

/**
 * The client drizzle is given for one handle. Statements run as prepared statements
 * (pglite-statements.ts), switched first; a transaction switches at its start, and again whenever
 * a statement in it runs in another scope (acrossScopes). Afterwards the setting is not known: a
 * rollback undoes a switch made inside.
 */
export function pgliteHandle(client: PGlite, statements: Queryable, sessions: Sessions) {
  const inTransaction = (tx: Transaction) => {
    const query = async (text: string, params?: unknown[], config?: QueryConfig) => {
      const wanted = sessions.of();
      if (sessions.switch.current !== wanted.key) {
        await tx.query(SWITCH, wanted.values);
        sessions.switch.current = wanted.key;
      }
      return tx.query(text, params, config as never);
    };
    return new Proxy(tx, { get: (target, key) => (key === 'query' ? query : Reflect.get(target, key)) });
  };
  const transaction = <T>(fn: (tx: Transaction) => Promise<T>) =>
    client.transaction(async (tx) => {
      try {
        return await fn(inTransaction(tx));
      } finally {
        sessions.switch.current = undefined;
      }
    });
  return new Proxy(client, {
    get: (target, key) => {
      if (key === 'query') return statements.query;
      if (key === 'transaction') return transaction;
      return Reflect.get(target, key);
    },
  });
}
