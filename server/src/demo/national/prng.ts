// A small seeded PRNG (mulberry32) so the national demo is the same country on every run.
// Each generation phase draws from its own stream (seeded by the phase name), so tuning one
// phase never reshuffles the others.

/** 32-bit FNV-1a of a string, to derive a stream's seed from its name. */
export function hashSeed(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A named sub-stream of a master seed. */
  static stream(seed: number, name: string): Rng {
    return new Rng(hashSeed(name, seed));
  }

  /** mulberry32: a uniform 32-bit integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** An item chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal around a median, with `sigma` the spread of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Triangular on [min, max] with its peak at `mode`: a cheap skewed duration. */
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const c = (mode - min) / (max - min);
    return u < c
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** A random-looking version-4 UUID, deterministic for the stream. */
  uuid(): string {
    const a = this.nextUint32();
    const b = this.nextUint32();
    const c = this.nextUint32();
    const d = this.nextUint32();
    const h = (n: number, shift: number) => HEX[(n >>> shift) & 0xff]!;
    return (
      h(a, 24) +
      h(a, 16) +
      h(a, 8) +
      h(a, 0) +
      '-' +
      h(b, 24) +
      h(b, 16) +
      '-4' +
      HEX[(b >>> 8) & 0x0f]!.slice(1) +
      h(b, 0) +
      '-' +
      HEX[0x80 | ((c >>> 24) & 0x3f)]! +
      h(c, 16) +
      '-' +
      h(c, 8) +
      h(c, 0) +
      h(d, 24) +
      h(d, 16) +
      h(d, 8) +
      h(d, 0)
    );
  }
}
