// Named prepared statements on PGlite. Its query() parses, describes and plans its text on every
// call (the unnamed statement of the extended protocol); for the cheap reads that costs more than
// running them: a tenant's reports took 1.7 ms planned each time, 0.6 ms prepared once (measured on
// the bench machine). postgres.js prepares by name on PostgreSQL; this does the same on PGlite for
// the statements built once (prepared.ts): parsed and described once, then per call one round trip
// into the WASM backend (Bind, Execute, Sync), under PGlite's own locks, as its query() runs.
import type { PGlite, protocol } from '@electric-sql/pglite';

type Serialize = typeof protocol.serialize;
type Parser = (value: string, typeId: number) => unknown;

export interface QueryConfig {
  rowMode?: 'array' | 'object';
  /** Parsers by type id over the client's own (drizzle's: dates and timestamps stay strings). */
  parsers?: Record<number, Parser>;
}

/** What drizzle's PGlite session calls: the shape of PGlite's query(). */
export interface Queryable {
  query(text: string, params?: unknown[], config?: QueryConfig): Promise<{ rows: unknown[] }>;
}

/**
 * Who runs the statements (pglite-sessions.ts): the one embedded connection is switched to the
 * role and scope of each statement's handle just before it, in the same exchange.
 */
export interface SessionSwitch {
  /** What the connection is set to now, as far as is known (undefined: unknown). */
  current: string | undefined;
  /** The statement text that sets role and scope from its two parameters. */
  text: string;
}
export interface SessionOf {
  key: string;
  values: [role: string, scope: string];
}

interface Prepared {
  name: string;
  paramTypes: number[];
  fields: { name: string; dataTypeID: number }[];
  /** Each column's parser, per query config (drizzle keeps one config object per statement). */
  parsers: WeakMap<object, (Parser | undefined)[]>;
}

interface Message {
  name: string;
}
interface FieldsMessage extends Message {
  fields: { name: string; dataTypeID: number }[];
}
interface DataRow extends Message {
  fields: (string | null)[];
}

/** Statements of distinct texts kept per client: shapes are few (prepared.ts bounds them too). */
const MAX_STATEMENTS = 512;
const NO_CONFIG = {};
/** Each runner names its statements apart: several share the one embedded connection. */
let runners = 0;

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

export function pgliteStatements(
  client: PGlite,
  serialize: Serialize,
  sessions?: { switch: SessionSwitch; of: () => SessionOf },
): Queryable {
  const statements = new Map<string, Prepared>();
  runners += 1;
  const prefix = `torch_${runners}_`;
  let named = 0;
  // Messages sent in one buffer: on an error the backend skips to the Sync, which ends it.
  const exchange = (parts: Uint8Array[]) =>
    client.execProtocolStream(concat([...parts, serialize.sync()]), { syncToFs: false }) as Promise<
      Message[]
    >;

  async function prepare(text: string): Promise<Prepared> {
    if (statements.size >= MAX_STATEMENTS) {
      await exchange([...statements.values()].map(({ name }) => serialize.close({ type: 'S', name })));
      statements.clear();
    }
    named += 1;
    const name = `${prefix}${named}`;
    const messages = await exchange([
      serialize.parse({ name, text }),
      serialize.describe({ type: 'S', name }),
    ]);
    const description = messages.find((m) => m.name === 'parameterDescription') as
      | (Message & { dataTypeIDs: number[] })
      | undefined;
    const rows = messages.find((m) => m.name === 'rowDescription') as FieldsMessage | undefined;
    const prepared: Prepared = {
      name,
      paramTypes: description?.dataTypeIDs ?? [],
      fields: rows?.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID })) ?? [],
      parsers: new WeakMap(),
    };
    statements.set(text, prepared);
    return prepared;
  }

  function parsersOf(prepared: Prepared, config: QueryConfig) {
    const key = config.parsers ?? NO_CONFIG;
    let parsers = prepared.parsers.get(key);
    if (!parsers) {
      const own = client.parsers as Record<number, Parser>;
      parsers = prepared.fields.map(({ dataTypeID }) => config.parsers?.[dataTypeID] ?? own[dataTypeID]);
      prepared.parsers.set(key, parsers);
    }
    return parsers;
  }

  /** The messages that switch the connection to the statement's session, if it is not on it. */
  async function switchMessages(): Promise<{ parts: Uint8Array[]; key?: string }> {
    if (!sessions) return { parts: [] };
    const wanted = sessions.of();
    if (sessions.switch.current === wanted.key) return { parts: [] };
    const set = statements.get(sessions.switch.text) ?? (await prepare(sessions.switch.text));
    return {
      key: wanted.key,
      parts: [serialize.bind({ statement: set.name, values: wanted.values }), serialize.execute({})],
    };
  }

  async function run(text: string, params: unknown[], config: QueryConfig) {
    const prepared = statements.get(text) ?? (await prepare(text));
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = client.serializers[prepared.paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const to = await switchMessages();
    let messages: Message[];
    try {
      messages = await exchange([
        ...to.parts,
        serialize.bind({ statement: prepared.name, values }),
        serialize.execute({}),
      ]);
      if (to.key !== undefined) {
        sessions!.switch.current = to.key;
        // The switch's own row and completion come first.
        messages = messages.slice(messages.findIndex((m) => m.name === 'commandComplete') + 1);
      }
    } catch (error) {
      // An error ends the exchange's implicit transaction, and with it a switch made in it.
      if (to.key !== undefined) sessions!.switch.current = undefined;
      // The plan may be what failed (a table altered under it): the next call prepares again.
      statements.delete(text);
      await exchange([serialize.close({ type: 'S', name: prepared.name })]).catch(() => {});
      throw error;
    }
    const parsers = parsersOf(prepared, config);
    const { fields } = prepared;
    const rows: unknown[] = [];
    for (const m of messages) {
      if (m.name !== 'dataRow') continue;
      const raw = (m as DataRow).fields;
      const row = raw.map((value, i) => {
        const parse = parsers[i];
        return value === null || !parse ? value : parse(value, fields[i]!.dataTypeID);
      });
      rows.push(
        config.rowMode === 'array' ? row : Object.fromEntries(fields.map((f, i) => [f.name, row[i]])),
      );
    }
    // As PGlite's query() does: outside a transaction what was written is flushed to the data dir.
    if (!client.isInTransaction()) await client.syncToFs();
    return { rows, fields };
  }

  return {
    query: (text, params = [], config = {}) =>
      client._runExclusiveTransaction(() => client._runExclusiveQuery(() => run(text, params, config))),
  };
}
