// How far a running validation or commit has got, for GET /imports/:id from any server process.
// Kept in import_progress and written through the pool, outside the work's own transaction: a
// commit's writes are invisible to other connections until it ends, and its lock on the import row
// would hold any update of it. Written in bounded steps (about 25 per phase, never awaited by the
// work), so it costs the work nothing measurable; a failed write only leaves the bar behind.
import type { ImportKind, ImportProgress } from '@torch/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import { importProgress } from '../../db/schema/index';

type Progress = z.infer<typeof ImportProgress>;
type Phase = 'validating' | 'committing';

/** Steps per phase: enough for a smooth bar, few enough to cost nothing. */
const STEPS = 25;

export interface ProgressOwner {
  importId: string;
  incubatorId: string;
  kind: ImportKind;
  fileName: string;
}

export class ProgressReporter {
  private written = 0;
  private step = 1;
  private phase: Phase = 'validating';
  private total = 0;
  /** Writes go one after the other, so the last one written is the latest. */
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly db: Db,
    private readonly importId: string,
    /** False when another upload or commit of this id holds its row: this one then writes nothing. */
    readonly claimed: boolean,
  ) {}

  /** Claims the id's progress row (see `claimed`). */
  static async start(db: Db, owner: ProgressOwner, phase: Phase, total: number) {
    const [row] = await db
      .insert(importProgress)
      .values({ ...owner, phase, done: 0, total })
      .onConflictDoNothing()
      .returning({ importId: importProgress.importId });
    const reporter = new ProgressReporter(db, owner.importId, Boolean(row));
    reporter.begin(phase, total, false);
    return reporter;
  }

  /** A new phase (or the same with its total known): written at once. */
  begin(phase: Phase, total: number, write = true) {
    this.phase = phase;
    this.total = total;
    this.written = 0;
    this.step = Math.max(1, Math.ceil(total / STEPS));
    if (write) this.write(0);
  }

  /** `done` of the phase's total; written when it has moved a step since the last write. */
  report(done: number) {
    if (done - this.written >= this.step || (done === this.total && done !== this.written)) this.write(done);
  }

  private write(done: number) {
    this.written = done;
    if (!this.claimed) return;
    const values = { phase: this.phase, done, total: this.total, updatedAt: sql`now()` };
    this.chain = this.chain
      .then(() =>
        this.db.update(importProgress).set(values).where(eq(importProgress.importId, this.importId)),
      )
      .catch(() => {});
  }

  /** The work is over (done or failed): the row goes once the writes before it have landed. */
  async end() {
    if (!this.claimed) return;
    await this.chain;
    await this.db
      .delete(importProgress)
      .where(eq(importProgress.importId, this.importId))
      .catch(() => {});
  }
}

/** A running upload or commit of this import, if the caller's incubators include its incubator. */
export async function runningProgress(db: DbOrTx, incubatorIds: string[], importId: string) {
  if (!incubatorIds.length) return undefined;
  const [row] = await db
    .select()
    .from(importProgress)
    .where(and(eq(importProgress.importId, importId), inArray(importProgress.incubatorId, incubatorIds)));
  return row;
}

export function progressOf(
  running: { phase: Phase; done: number; total: number } | undefined,
  rows: number,
): Progress {
  return running
    ? { phase: running.phase, done: running.done, total: running.total }
    : { phase: 'done', done: rows, total: rows };
}
