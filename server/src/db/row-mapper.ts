// Rows of a drizzle-prepared select, mapped by a function compiled once per statement instead of
// drizzle's generic mapResultRow, which re-derives every column's decoder on every row (`is()`
// walks of the class chain: ~15% of the CPU of a page of 50 tenants, measured). The result is
// drizzle's: the same paths, the same decoders, and a left-joined object null when its first
// column is (drizzle's rule for a nullable join).
import { types } from 'node:util';
import { Column, getTableName, is, noopDecoder, SQL } from 'drizzle-orm';

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}
interface SelectedField {
  path: string[];
  field: unknown;
}
interface PreparedSelect {
  fields?: SelectedField[];
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

/** drizzle's choice of decoder for a selected field (Column, SQL, SQL.Aliased or Subquery). */
function decoderOf(field: unknown): Decoder {
  if (is(field, Column)) return field;
  type WithDecoder = { decoder: Decoder };
  if (is(field, SQL)) return (field as unknown as WithDecoder).decoder;
  const f = field as { _?: { sql: WithDecoder }; sql?: WithDecoder };
  return (f._?.sql ?? f.sql)!.decoder;
}

/**
 * The decoder itself rather than drizzle's alias proxy of it (a subquery's columns are proxies):
 * every property read through a proxy runs its trap, on every decoded value (~7 µs of a tenancy's
 * four reports, profiled). A copy with the same prototype and fields decodes the same way.
 */
function unproxied(decoder: Decoder): Decoder {
  if (!types.isProxy(decoder)) return decoder;
  return Object.assign(Object.create(Object.getPrototypeOf(decoder)), decoder) as Decoder;
}

/** A decoder that hands the driver's value on as it is (drizzle's base Column, a plain sql`` field). */
function passesThrough(decoder: Decoder): boolean {
  return (
    decoder.mapFromDriverValue === Column.prototype.mapFromDriverValue ||
    decoder.mapFromDriverValue === noopDecoder.mapFromDriverValue
  );
}

/** The selected fields as a tree of object keys, leaves being column positions, in select order. */
type Shape = Map<string, Shape | number>;

function shapeOf(fields: SelectedField[]): Shape {
  const root: Shape = new Map();
  fields.forEach(({ path }, i) => {
    let node = root;
    for (const key of path.slice(0, -1)) {
      let child = node.get(key);
      if (!(child instanceof Map)) {
        child = new Map();
        node.set(key, child);
      }
      node = child;
    }
    node.set(path[path.length - 1]!, i);
  });
  return root;
}

/**
 * The source of an object literal for one row: each column read from its position, decoded only
 * where its decoder does something, and a nullable joined object null when its first column is.
 * Keys are our own schema's (JSON-quoted); nothing of a request reaches this source.
 */
function literalOf(shape: Shape, decoders: Decoder[], nullableAt: Map<string, number>, top: boolean): string {
  const entries = [...shape].map(([key, node]) => {
    let value: string;
    if (node instanceof Map) value = literalOf(node, decoders, nullableAt, false);
    else if (passesThrough(decoders[node]!)) value = `row[${node}]`;
    else value = `(row[${node}] === null ? null : d[${node}].mapFromDriverValue(row[${node}]))`;
    const first = top ? nullableAt.get(key) : undefined;
    if (first !== undefined) value = `(row[${first}] === null ? null : ${value})`;
    return `${JSON.stringify(key)}: ${value}`;
  });
  return `{ ${entries.join(', ')} }`;
}

/** Gives a drizzle prepared select (postgres.js or PGlite session) the compiled mapper. */
export function withCompiledMapper<T>(prepared: T): T {
  const p = prepared as PreparedSelect;
  if (!p.fields || p.customResultMapper) return prepared;
  const decoders = p.fields.map(({ field }) => unproxied(decoderOf(field)));
  // Nested objects of a nullable join: null when their first column is, as drizzle decides.
  const nullable = new Map<string, number>();
  const tables = new Map<string, string | false>();
  p.fields.forEach(({ path, field }, i) => {
    if (path.length !== 2 || !is(field, Column)) return;
    const table = getTableName(field.table);
    const seen = tables.get(path[0]!);
    if (seen === undefined) {
      tables.set(path[0]!, table);
      nullable.set(path[0]!, i);
    } else if (seen !== table) tables.set(path[0]!, false);
  });
  const nullableAt = new Map(
    [...nullable].filter(([name]) => {
      const table = tables.get(name);
      return p.joinsNotNullableMap && typeof table === 'string' && !p.joinsNotNullableMap[table];
    }),
  );
  // One function per statement whose object literal has the row's shape: V8 then builds every
  // row with one hidden class and calls each decoder from a site of its own (a loop over the
  // columns assigned the properties one by one and called every decoder from one site: 18 µs of
  // a tenancy's four reports, measured).
  const body = `return function mapRows(rows) {
    const out = new Array(rows.length);
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r];
      out[r] = ${literalOf(shapeOf(p.fields), decoders, nullableAt, true)};
    }
    return out;
  };`;
  p.customResultMapper = new Function('d', body)(decoders) as (rows: unknown[][]) => unknown;
  return prepared;
}
