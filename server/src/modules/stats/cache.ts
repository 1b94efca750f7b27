// Answers cached in the process and valid while stats_state.version is unchanged. Every write that
// can change a statistic bumps the version in its own transaction (and no other write does:
// sql/version.ts), so a hit costs one primary-key read and is never older than the version the
// request read (docs/statistics.md).
import type { Db } from '../../db/client';
import type { Gate } from './gate';
import { readStatsState } from './queries';

const MAX_ENTRIES = 500;

export interface CacheOutcome {
  hit?: boolean;
}

export interface ThroughOptions {
  /** Told whether the answer came from the cache (the routes' `x-stats-cache` header). */
  seen?: CacheOutcome;
  /** Computed through the expensive-statistics gate (gate.ts): an as-of date. */
  expensive?: boolean;
}

export class StatsCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();
  /**
   * Answers being computed: a request for the same key and version waits for that one rather than
   * computing it again (sixteen identical as-of summaries cost one).
   */
  private readonly computing = new Map<string, { version: number; value: Promise<unknown> }>();

  constructor(private readonly gate?: Gate) {}

  /**
   * The cached answer for `key`, or `compute(horizon)`'s. The version is read before computing,
   * so an answer that saw a newer commit is only ever fresher than the version it is filed under.
   */
  async through<T>(
    db: Db,
    key: string,
    compute: (horizon: number) => Promise<T>,
    options: ThroughOptions = {},
  ): Promise<T> {
    const { version, horizon } = await readStatsState(db);
    const hit = this.entries.get(key);
    const inFlight = this.computing.get(key);
    const shared = inFlight?.version === version;
    if (options.seen) options.seen.hit = hit?.version === version || shared;
    if (hit && hit.version === version) return hit.value as T;
    if (shared) return inFlight.value as Promise<T>;
    const value = this.gate && options.expensive ? this.gate.run(() => compute(horizon)) : compute(horizon);
    this.computing.set(key, { version, value });
    try {
      const answer = await value;
      this.file(key, version, answer);
      return answer;
    } finally {
      if (this.computing.get(key)?.value === value) this.computing.delete(key);
    }
  }

  private file(key: string, version: number, value: unknown) {
    // Never replace a fresher answer another request filed meanwhile.
    const filed = this.entries.get(key);
    if (filed && filed.version > version) return;
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { version, value });
  }
}
