// Answers cached in the process and valid while stats_state.version is unchanged. Every write that
// changes statistics bumps the version in its own transaction, so a hit costs one primary-key read
// and is never older than the version the request read (docs/statistics.md).
import type { Db } from '../../db/client';
import { readStatsState } from './queries';

const MAX_ENTRIES = 500;

export class StatsCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();

  /**
   * The cached answer for `key`, or `compute(horizon)`'s. The version is read before computing,
   * so an answer that saw a newer commit is only ever fresher than the version it is filed under.
   */
  async through<T>(db: Db, key: string, compute: (horizon: number) => Promise<T>): Promise<T> {
    const { version, horizon } = await readStatsState(db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = await compute(horizon);
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { version, value });
    return value;
  }
}
