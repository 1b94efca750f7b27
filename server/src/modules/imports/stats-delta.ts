// A commit writes thousands of rows in one transaction. Following each with the statistics row
// triggers updates the same cube rows thousands of times in one transaction (every update leaves a
// row version the next one must step over: quadratic). So the commit defers the triggers, and adds
// the difference of the affected incubators' events, before and after, to the cube in one step —
// the triggers' own functions (stats_facts, stats_apply), so the statistics are exact when it commits.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { acrossScopes } from '../../db/scoped-client';
import { deferStats } from '../stats/rebuild';

/**
 * Runs `write` with the triggers deferred. `incubatorIds` must name every incubator whose records'
 * events the writes may change: the importing one, and those where the matched companies stayed
 * before (a company's field counts under each of its tenancies).
 */
export async function withStatsDelta<T>(tx: Tx, incubatorIds: string[], write: () => Promise<T>): Promise<T> {
  const ids = sql`${`{${incubatorIds.join(',')}}`}::uuid[]`;
  // The events of every named incubator, as the triggers see them (across scopes): a company's
  // earlier stays are outside the importing manager's scope, but its field counts under them too.
  await acrossScopes(async () =>
    tx.execute(
      sql`create temp table import_stats_before on commit drop as select * from stats_facts('-infinity', 'infinity', ${ids})`,
    ),
  );
  await deferStats(tx);
  // What the deferred statement triggers would have done: queue the writers, expire the caches.
  await tx.execute(sql`update stats_state set version = version + 1 where id = 1`);
  const result = await write();
  await tx.execute(sql`select set_config('torch.stats_deferred', 'off', true)`);
  await acrossScopes(async () =>
    tx.execute(
      sql`select stats_apply(array(select row(b.*)::stats_event from import_stats_before b), array(select x from stats_facts('-infinity', 'infinity', ${ids}) x))`,
    ),
  );
  await tx.execute(sql`drop table import_stats_before`);
  return result;
}
