// The national demo's seeded randomness and exact apportionment (server/src/demo/national).
import { describe, expect, it } from 'vitest';
import { apportion } from '../../server/src/demo/national/apportion';
import { hashSeed, Rng } from '../../server/src/demo/national/prng';

describe('Rng (mulberry32)', () => {
  it('repeats itself for a seed and differs between seeds and streams', () => {
    const draw = (rng: Rng) => Array.from({ length: 5 }, () => rng.nextUint32());
    expect(draw(new Rng(42))).toEqual(draw(new Rng(42)));
    expect(draw(new Rng(42))).not.toEqual(draw(new Rng(43)));
    expect(draw(Rng.stream(1, 'admissions'))).toEqual(draw(Rng.stream(1, 'admissions')));
    expect(draw(Rng.stream(1, 'admissions'))).not.toEqual(draw(Rng.stream(1, 'reports')));
    expect(hashSeed('abc')).toBe(hashSeed('abc'));
  });

  it('draws within its ranges', () => {
    const rng = new Rng(7);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
      const t = rng.triangular(2, 14, 47);
      expect(t >= 2 && t <= 47).toBe(true);
    }
  });

  it('picks by weight, never a zero weight', () => {
    const rng = new Rng(9);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++)
      counts[
        rng.weighted([
          ['a', 1],
          ['b', 3],
          ['c', 0],
        ] as const)
      ]++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.5);
    expect(counts.b / counts.a).toBeLessThan(3.5);
  });

  it('makes distinct version-4 UUIDs', () => {
    const rng = new Rng(11);
    const ids = Array.from({ length: 50_000 }, () => rng.uuid());
    expect(
      ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id)),
    ).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('apportion', () => {
  it('splits a total exactly, in proportion, with a minimum share', () => {
    const shares = apportion(534, [45, 16, 14, 1, 2, 2], 1);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(534);
    expect(Math.min(...shares)).toBeGreaterThanOrEqual(1);
    expect(shares[0]).toBeGreaterThan(shares[1]!);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
  });

  it('refuses a minimum it cannot give', () => {
    expect(() => apportion(2, [1, 1, 1], 1)).toThrow();
  });
});
