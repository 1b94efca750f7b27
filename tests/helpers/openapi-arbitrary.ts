// fast-check arbitraries from the JSON Schemas of our OpenAPI document (the subset zod emits), and
// the mutations a careless or hostile client sends: for fuzzing every operation (tests/api/fuzz).
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
}

const isoDate = fc
  .date({ min: new Date('1980-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

function stringOf(schema: JsonSchema, ids: string[]): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
    case 'date':
      return isoDate;
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 500));
    } catch {
      // a pattern JavaScript cannot compile: fall through to plain strings
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e9);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e12);
  const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts (as far as its JSON Schema says). `ids` are real ids to aim at. */
export function arbitraryFor(schema: JsonSchema, ids: string[] = []): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fc.oneof(...union.map((s) => arbitraryFor(s, ids)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), ids);
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryFor({ ...schema, type }, ids)));
  const base = ((): fc.Arbitrary<unknown> => {
    switch (types[0]) {
      case 'string':
        return stringOf(schema, ids);
      case 'integer':
        return numberOf(schema, true);
      case 'number':
        return numberOf(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(arbitraryFor(schema.items ?? {}, ids), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      case 'object': {
        const properties = schema.properties ?? {};
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(properties)) record[key] = arbitraryFor(value, ids);
        return fc.record(record, {
          requiredKeys: Object.keys(properties).filter((k) => required.has(k)),
        });
      }
      default:
        return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    }
  })();
  return schema.nullable ? fc.oneof(base, fc.constant(null)) : base;
}

/** A value no schema of ours expects: wrong types, extremes, characters PostgreSQL refuses. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '💥'.repeat(300),
    'x'.repeat(70_000),
    -1,
    0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    '1e400',
    '2025-02-30',
    '9999-99-99',
    "'; drop table tenants; --",
    '%',
    '__proto__',
    [],
    {},
    [[[[]]]],
    { constructor: { prototype: {} } },
    true,
  ),
  fc.string(),
  fc.integer(),
  fc.double(),
);

/** A mutation of a valid object: a field dropped, replaced by a hostile value, or one added. */
export function mutate(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return hostileValue;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  const drop = keys.length
    ? fc.constantFrom(...keys).map((k) => {
        const { [k]: _dropped, ...rest } = record;
        return rest;
      })
    : hostileValue;
  const replace = keys.length
    ? fc.tuple(fc.constantFrom(...keys), hostileValue).map(([k, v]) => ({ ...record, [k]: v }))
    : hostileValue;
  const add = fc
    .tuple(fc.constantFrom('unknownField', 'role', 'incubatorId', 'status', 'id', 'version'), hostileValue)
    .map(([k, v]) => ({ ...record, [k]: v }));
  return fc.oneof(drop, replace, add, hostileValue);
}
