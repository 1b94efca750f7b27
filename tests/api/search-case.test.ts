// The name search compares with LIKE when q has no character with case (server/src/search.ts), on the
// claim that ILIKE would find exactly the same names: ILIKE lower()s the name and q, so the two differ
// only if the database's lower() changes a character the search thinks has no case, or turns some
// character into one. Checked here against the database's own lower() for every character of the
// Unicode range, so a ctype whose case mapping disagrees with JavaScript's fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchPatterns } from '../../server/src/search';
import { createTestApp, type TestApp } from '../helpers/app';
import { sqlRows } from '../helpers/fixtures';

describe('the search uses LIKE only where ILIKE would find the same', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('decides case as expected for Chinese, digits and letters', () => {
    expect(searchPatterns('科技').cased).toBe(false);
    expect(searchPatterns('91420100000012').cased).toBe(false);
    expect(searchPatterns('光谷-2号').cased).toBe(false);
    expect(searchPatterns('optics').cased).toBe(true);
    expect(searchPatterns('光谷Optics').cased).toBe(true);
    expect(searchPatterns('ß').cased).toBe(true);
  });

  it("has every character the database's lower() changes, and what it makes, count as cased", async () => {
    // Every code point but the surrogates and NUL (chr() refuses them).
    const changed = await sqlRows<{ c: string; l: string }>(
      t,
      `select chr(n) as c, lower(chr(n)) as l from generate_series(1, 1114111) n
       where n not between 55296 and 57343 and lower(chr(n)) <> chr(n)`,
    );
    // Upper-case ASCII at the least: the check sees the database lowering.
    expect(changed.length).toBeGreaterThanOrEqual(26);
    const uncased = changed.filter(({ c, l }) => !searchPatterns(c).cased || !searchPatterns(l).cased);
    expect(uncased).toEqual([]);
  });
});
