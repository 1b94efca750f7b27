// How far a running validation or commit has got, for GET /imports/:id.
// The process running the work keeps it in memory (ProgressBoard) and answers from there without
// the database: on PGlite the work's transaction holds the one connection until it ends. On
// PostgreSQL it is kept in import_progress as well, for the other server processes, written
// through the pool, outside the work's own transaction: a commit's writes are invisible to other
// connections until it ends, and its lock on the import row would hold any update of it. Written
// in bounded steps (about 25 per phase, never awaited by the work), so it costs the work nothing
// measurable; a failed write only leaves the bar behind.
import type { Import, ImportKind, ImportProgress } from '@torch/shared';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { importProgress } from '../../db/schema/index';
import { onOwnConnections } from '../../db/scoped-client';

type Progress = z.infer<typeof ImportProgress>;
type Phase = 'validating' | 'committing';

/** Steps per phase written to the table: enough for a smooth bar, few enough to cost nothing. */
const STEPS = 25;

export interface ProgressOwner {
  importId: string;
  incubatorId: string;
  kind: ImportKind;
  fileName: string;
}

/** A running upload, re-check or commit, as this process (memory) or the table knows it. */
export interface RunningWork extends ProgressOwner {
  phase: Phase;
  done: number;
  total: number;
  startedAt: string;
}

interface LocalWork extends RunningWork {
  /** The import as stored when the work began (a re-check or a commit); none for an upload. */
  stored?: Omit<Import, 'progress'>;
}

/**
 * The running work of one server process (one per app: two apps in one test are two processes).
 * `shared`: also kept in import_progress, so that other processes on the database can answer.
 */
export class ProgressBoard {
  private readonly running = new Map<string, LocalWork>();

  constructor(
    private readonly db: Db,
    private readonly shared: boolean,
  ) {}

  /** Claims the import's id (see ProgressReporter.claimed); the phase's total may come later. */
  async start(owner: ProgressOwner, phase: Phase, total: number, stored?: LocalWork['stored']) {
    if (this.running.has(owner.importId)) return new ProgressReporter(this, undefined);
    const work: LocalWork = { ...owner, phase, done: 0, total, startedAt: new Date().toISOString(), stored };
    // Claimed here before the table is asked: a second request of this process finds it at once.
    this.running.set(owner.importId, work);
    if (this.shared) {
      const [row] = await onOwnConnections(async () =>
        this.db
          .insert(importProgress)
          .values({ ...owner, phase, done: 0, total })
          .onConflictDoNothing()
          .returning({ importId: importProgress.importId }),
      ).catch((error: unknown) => {
        this.running.delete(owner.importId);
        throw error;
      });
      if (!row) {
        this.running.delete(owner.importId);
        return new ProgressReporter(this, undefined);
      }
    }
    return new ProgressReporter(this, work);
  }

  /** The work this process runs on the import, if any: answered without the database. */
  local(importId: string) {
    return this.running.get(importId);
  }

  /** A running work of the import whose incubator is among the caller's: this process's or (shared) another's. */
  async find(incubatorIds: string[], importId: string): Promise<RunningWork | undefined> {
    const local = this.running.get(importId);
    if (local) return incubatorIds.includes(local.incubatorId) ? local : undefined;
    if (!this.shared || !incubatorIds.length) return undefined;
    const [row] = await onOwnConnections(async () =>
      this.db
        .select()
        .from(importProgress)
        .where(and(eq(importProgress.importId, importId), inArray(importProgress.incubatorId, incubatorIds))),
    );
    return row;
  }

  /** @internal the reporter's table write (shared boards only). */
  async write(work: RunningWork) {
    if (!this.shared) return;
    const values = { phase: work.phase, done: work.done, total: work.total, updatedAt: sql`now()` };
    await onOwnConnections(async () =>
      this.db.update(importProgress).set(values).where(eq(importProgress.importId, work.importId)),
    );
  }

  /** @internal the work is over: its claim goes (from the table once the writes before have landed). */
  async release(work: RunningWork) {
    this.running.delete(work.importId);
    if (!this.shared) return;
    await onOwnConnections(async () =>
      this.db.delete(importProgress).where(eq(importProgress.importId, work.importId)),
    ).catch(() => {});
  }
}

export class ProgressReporter {
  private written = 0;
  private step = 1;
  /** Table writes go one after the other, so the last one written is the latest. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly board: ProgressBoard,
    /** Undefined when another upload or commit of this id holds it: this one then reports nothing. */
    private readonly work: RunningWork | undefined,
  ) {
    if (work) this.step = stepOf(work.total);
  }

  get claimed() {
    return Boolean(this.work);
  }

  /** A new phase (or the same with its total known): shown at once. */
  begin(phase: Phase, total: number) {
    if (!this.work) return;
    Object.assign(this.work, { phase, total, done: 0 });
    this.written = 0;
    this.step = stepOf(total);
    this.write();
  }

  /** `done` of the phase's total: in memory at once, in the table when it has moved a step. */
  report(done: number) {
    if (!this.work) return;
    this.work.done = done;
    if (done - this.written >= this.step || (done === this.work.total && done !== this.written)) this.write();
  }

  private write() {
    const work = this.work!;
    this.written = work.done;
    const snapshot = { ...work };
    this.chain = this.chain.then(() => this.board.write(snapshot)).catch(() => {});
  }

  /** The work is over (done or failed). */
  async end() {
    if (!this.work) return;
    await this.chain;
    await this.board.release(this.work);
  }
}

const stepOf = (total: number) => Math.max(1, Math.ceil(total / STEPS));

export function progressOf(
  running: { phase: Phase; done: number; total: number } | undefined,
  rows: number,
): Progress {
  return running
    ? { phase: running.phase, done: running.done, total: running.total }
    : { phase: 'done', done: rows, total: rows };
}
