// How the demo loader writes cells: COPY text format and SQL literals.
import { describe, expect, it } from 'vitest';
import { copyField, copyLine, sqlLiteral } from '../../server/src/demo/national/encode';

describe('COPY text encoding', () => {
  it('writes nulls, numbers, booleans, arrays and JSON', () => {
    expect(copyLine([null, 12, 1.5, true, false, 'x'])).toBe('\\N\t12\t1.5\tt\tf\tx\n');
    expect(copyField(['high_tech_enterprise', 'listed'])).toBe('{"high_tech_enterprise","listed"}');
    expect(copyField([])).toBe('{}');
    expect(copyField({ json: [{ field: 'revenue', ratio: 12 }] })).toBe('[{"field":"revenue","ratio":12}]');
  });

  it('escapes what COPY treats specially', () => {
    expect(copyField('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyField(['quote"and\\slash'])).toBe('{"quote\\\\"and\\\\\\\\slash"}');
    expect(copyField({ json: 'back\\slash' })).toBe('"back\\\\\\\\slash"');
  });
});

describe('SQL literals', () => {
  it('quotes strings, arrays and JSON, and leaves numbers bare', () => {
    expect(sqlLiteral(null)).toBe('null');
    expect(sqlLiteral(3)).toBe('3');
    expect(sqlLiteral(true)).toBe('true');
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral(['a', 'b'])).toBe(`'{"a","b"}'`);
    expect(sqlLiteral({ json: [] })).toBe("'[]'");
  });
});
