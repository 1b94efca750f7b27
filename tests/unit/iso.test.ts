// Timestamps leave the API as ISO 8601 UTC (server/src/db/iso.ts): the text rewrite for UTC text
// must say exactly what Date would, to the millisecond, and other offsets still go through Date.
import { describe, expect, it } from 'vitest';
import { iso } from '../../server/src/db/iso';

describe('iso', () => {
  it('answers what Date answers for every shape of timestamptz text', () => {
    for (const text of [
      '2026-12-01 10:55:35.613+00',
      '2026-12-01 10:55:35+00',
      '2026-12-01 10:55:35.1+00',
      '2026-12-01 10:55:35.61+00',
      '2026-12-01 10:55:35.613999+00',
      '1999-01-01 00:00:00.000001+00',
      '2026-12-01 18:55:35.61+08',
      '2026-12-01 05:55:35.61-05',
      '2026-12-01T10:55:35.613Z',
    ])
      expect(iso(text), text).toBe(new Date(text).toISOString());
  });
});
