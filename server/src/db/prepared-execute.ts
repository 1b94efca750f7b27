// A drizzle-prepared select run without drizzle's per-call layers. drizzle's execute() nests four
// async functions (its tracing spans, a query cache we do not use, the driver call) and checks every
// parameter's class on every call: ~12 µs and three more promises of a tenancy's reports, about what
// its rows' mapping costs (profiled on the bench machine). Here the placeholders are resolved once,
// and a call fills in the values, hands the statement to the driver as drizzle would and maps the
// rows with the statement's compiled mapper (row-mapper.ts). The statement is logged to drizzle's
// logger (the benchmark's EXPLAIN reads it) and a failure is drizzle's DrizzleQueryError, as before
// (errors.ts reads its cause).
import { DrizzleQueryError, entityKind, is, Param, Placeholder } from 'drizzle-orm';

type Values = Record<string, unknown>;
type Slot = { value: unknown } | { name: string; encode?: (value: unknown) => unknown };

interface PostgresJsClient {
  unsafe(text: string, params: unknown[], options: { prepare?: boolean }): { values(): Promise<unknown[][]> };
}
interface PgliteClient {
  query(text: string, params: unknown[], config: unknown): Promise<{ rows: unknown[][] }>;
}
/** The parts of drizzle's prepared selects (postgres.js and PGlite) this reads. */
interface PreparedSelect {
  execute(values?: Values): Promise<unknown>;
  client: unknown;
  queryString: string;
  params: unknown[];
  prepare?: boolean;
  logger: { logQuery(text: string, params: unknown[]): void };
  queryConfig?: unknown;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/** Each parameter as it is, or the placeholder it takes its value from (with its column's encoder). */
function slotOf(param: unknown): Slot {
  if (is(param, Placeholder)) return { name: param.name };
  if (is(param, Param) && is(param.value, Placeholder)) {
    const encoder = param.encoder;
    return { name: param.value.name, encode: (v) => encoder.mapToDriverValue(v) };
  }
  return { value: param };
}

function filler(params: unknown[]): (values: Values) => unknown[] {
  const slots = params.map(slotOf);
  return (values) =>
    slots.map((slot) => {
      if ('value' in slot) return slot.value;
      if (!(slot.name in values)) throw new Error(`No value for placeholder "${slot.name}" was provided`);
      return slot.encode ? slot.encode(values[slot.name]) : values[slot.name];
    });
}

/**
 * Gives a drizzle prepared select (one whose rows the compiled mapper maps) the lean execute; any
 * other prepared query keeps drizzle's. The client is read at each call: prepared.ts may swap it.
 */
export function withLeanExecute<T>(prepared: T): T {
  const p = prepared as unknown as PreparedSelect;
  const map = p.customResultMapper;
  const kind = (p.constructor as unknown as Record<symbol, string>)[entityKind];
  if (!map || (kind !== 'PostgresJsPreparedQuery' && kind !== 'PglitePreparedQuery')) return prepared;
  const fill = filler(p.params);
  const text = p.queryString;
  const failed = (params: unknown[]) => (error: unknown) => {
    throw new DrizzleQueryError(text, params, error as Error);
  };
  // The driver call, as drizzle's execute makes it for each driver.
  const send: (params: unknown[]) => Promise<unknown[][]> =
    kind === 'PostgresJsPreparedQuery'
      ? (params) => (p.client as PostgresJsClient).unsafe(text, params, { prepare: p.prepare }).values()
      : (params) =>
          (p.client as PgliteClient).query(text, params, p.queryConfig).then((result) => result.rows);
  p.execute = (values = {}) => {
    const params = fill(values);
    p.logger.logQuery(text, params);
    return send(params).then(map, failed(params));
  };
  return prepared;
}
