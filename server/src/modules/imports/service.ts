// Imports: upload (read, judge, keep), map unknown headers, commit all rows in one transaction.
import { randomUUID } from 'node:crypto';
import {
  type ColumnBinding,
  columnOf,
  findHeaderRow,
  HEADER_SEARCH_ROWS,
  IMPORT_MAX_ROWS,
  type Import,
  type ImportKind,
  type ImportMappingBody,
  missingColumns,
  normalizeHeader,
  REQUIRED_COLUMNS,
  unknownHeaders,
} from '@torch/shared';
import { requireManagedIncubator } from '../../access';
import type { Db, DbOrTx } from '../../db/client';
import { iso } from '../../db/iso';
import { badRequest, conflict, notFound, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { applyPlans } from './commit';
import { type Judgement, judgeFile } from './judge';
import { type ProgressBoard, type ProgressReporter, progressOf, type RunningWork } from './progress';
import * as q from './queries';
import { readSheet, type SheetRow } from './read-file';
import { withStatsDelta } from './stats-delta';
import type { ImportSteps } from './steps';

type ImportRow = NonNullable<Awaited<ReturnType<typeof q.findImport>>>;
type Stored = Omit<
  Import,
  | 'id'
  | 'incubatorId'
  | 'kind'
  | 'status'
  | 'fileName'
  | 'progress'
  | 'createdAt'
  | 'committedAt'
  | 'created'
  | 'updated'
>;

function toImport(row: ImportRow, running: RunningWork | undefined): Import {
  const result = row.result as Stored;
  return {
    ...result,
    id: row.id,
    incubatorId: row.incubatorId,
    kind: row.kind,
    status: row.status,
    fileName: row.fileName,
    created: row.created,
    updated: row.updated,
    progress: progressOf(running, result.rows),
    createdAt: iso(row.createdAt),
    committedAt: row.committedAt ? iso(row.committedAt) : null,
  };
}

function stored(
  judgement: Judgement,
  headerIndex: number,
  rows: SheetRow[],
  bindings: ColumnBinding[],
  mapping: Record<string, string>,
): Stored {
  const counts = { toCreate: 0, toUpdate: 0 };
  for (const p of judgement.plans) {
    if (p.action === 'admit' || p.action === 'createReport') counts.toCreate++;
    if (p.action === 'update' || p.action === 'updateReport') counts.toUpdate++;
  }
  return {
    rows: judgement.rows,
    valid: judgement.valid,
    headerRow: rows[headerIndex]![0],
    columns: bindings.map((b) => ({ header: b.header, key: b.key })),
    unknownHeaders: unknownHeaders(bindings, mapping),
    errors: judgement.errors,
    warnings: judgement.warnings,
    ...counts,
  };
}

/** The sheet's header row and columns under the incubator's mapping; 400 when there is none. */
function headerOf(kind: ImportKind, rows: SheetRow[], mapping: Record<string, string>) {
  const found = findHeaderRow(
    kind,
    rows.slice(0, HEADER_SEARCH_ROWS).map(([, cells]) => cells),
    mapping,
  );
  if (!found) {
    throw badRequest('No header row naming the columns (企业名称, 统一社会信用代码, …) was found', [
      { path: 'file', message: 'no_header_row' },
    ]);
  }
  return found;
}

async function judge(
  db: DbOrTx,
  kind: ImportKind,
  incubatorId: string,
  rows: SheetRow[],
  mapping: Record<string, string>,
  steps: ImportSteps,
  progress: ProgressReporter,
) {
  const { index, bindings } = headerOf(kind, rows, mapping);
  const dataRows = rows.slice(index + 1);
  progress.begin('validating', dataRows.length);
  const judgement = await judgeFile(db, kind, incubatorId, dataRows, bindings, steps.lookup, (done) =>
    progress.report(done),
  );
  return { judgement, index, bindings, dataRows };
}

/** An upload being validated, before anything of it is stored (GET /imports/:id while it runs). */
function validatingImport(running: RunningWork): Import {
  return {
    id: running.importId,
    incubatorId: running.incubatorId,
    kind: running.kind,
    status: 'validating',
    fileName: running.fileName,
    rows: running.total,
    valid: 0,
    headerRow: 0,
    columns: [],
    unknownHeaders: [],
    errors: [],
    warnings: [],
    toCreate: 0,
    toUpdate: 0,
    created: null,
    updated: null,
    progress: progressOf(running, running.total),
    createdAt: iso(running.startedAt),
    committedAt: null,
  };
}

const idInUse = () =>
  conflict('An import with this id exists or is being validated; choose another id', [
    { path: 'id', message: 'id_in_use' },
  ]);

/**
 * `importId`: the id the import will have, chosen by the client (a UUID) so it can follow the
 * validation at GET /imports/:id while this request runs; one is made when it is not given.
 */
export async function upload(
  db: Db,
  board: ProgressBoard,
  steps: ImportSteps,
  caller: Caller,
  incubatorId: string,
  kind: ImportKind,
  file: { name: string; data: Buffer },
  importId?: string,
): Promise<Import> {
  await requireManagedIncubator(db, caller, incubatorId);
  const id = importId ?? randomUUID();
  const fileName = file.name.slice(0, 200);
  if (importId && (await q.importExists(db, importId))) throw idInUse();
  const progress = await board.start({ importId: id, incubatorId, kind, fileName }, 'validating', 0);
  if (!progress.claimed) throw idInUse();
  try {
    const rows = await readSheet(file.data, IMPORT_MAX_ROWS + HEADER_SEARCH_ROWS);
    const mapping = await q.mappingOf(db, incubatorId, kind);
    const { index, bindings } = headerOf(kind, rows, mapping);
    const dataRows = rows.length - index - 1;
    if (dataRows > IMPORT_MAX_ROWS) {
      throw unprocessable(
        `The file has more than ${IMPORT_MAX_ROWS} rows; split it into files of at most ${IMPORT_MAX_ROWS} rows`,
        [{ path: 'file', message: `too_many_rows:${IMPORT_MAX_ROWS}` }],
      );
    }
    if (!dataRows)
      throw badRequest('The file has headers but no rows', [{ path: 'file', message: 'no_rows' }]);
    const missing = missingColumns(kind, bindings);
    if (missing.length === REQUIRED_COLUMNS[kind].length) {
      throw badRequest('The header row names none of the required columns', [
        { path: 'file', message: 'no_header_row' },
      ]);
    }
    // The cells are stored while the rows are judged: PostgreSQL parses and writes the 5 MB of jsonb
    // on its own core meanwhile. One transaction, so a failure leaves no import behind.
    await db.transaction(async (tx) => {
      const storing = q.insertImport(tx, {
        id,
        incubatorId,
        kind,
        status: 'invalid',
        fileName,
        createdBy: caller.userId,
        headerIndex: index,
        cells: rows,
        result: {},
      });
      storing.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
      const { judgement } = await judge(tx, kind, incubatorId, rows, mapping, steps, progress);
      await storing;
      await q.updateImport(tx, id, {
        status: judgement.errors.length ? 'invalid' : 'validated',
        result: stored(judgement, index, rows, bindings, mapping),
      });
    });
  } finally {
    await progress.end();
  }
  return found(db, board, caller, id);
}

async function requireImport(db: DbOrTx, caller: Caller, id: string, withCells = false) {
  const row = await q.findImport(db, caller.incubatorIds, id, withCells);
  if (!row) throw notFound('Import');
  return row;
}

/**
 * The import as stored, with the progress of its running work. Work this process runs is answered
 * from memory without the database (on PGlite the work's transaction holds the one connection).
 * `uploading`: the caller is uploading a file under this id; until the upload has claimed it,
 * undefined (204) instead of a 404.
 */
export async function get(
  db: DbOrTx,
  board: ProgressBoard,
  caller: Caller,
  id: string,
  uploading = false,
): Promise<Import | undefined> {
  const local = board.local(id);
  if (local) {
    // The work's incubator is the import's: outside the caller's scope, no import either.
    if (!caller.incubatorIds.includes(local.incubatorId)) return missing(uploading);
    return local.stored ? { ...local.stored, progress: progressOf(local, 0) } : validatingImport(local);
  }
  const [row, running] = await Promise.all([
    q.findImport(db, caller.incubatorIds, id),
    board.find(caller.incubatorIds, id),
  ]);
  if (row) return toImport(row, running);
  if (running) return validatingImport(running);
  return missing(uploading);
}

/** Nothing here: "not yet" (undefined) for an upload's own poll, else a 404. */
function missing(uploading: boolean): undefined {
  if (uploading) return undefined;
  throw notFound('Import');
}

/** The import, which exists (an upload's, a re-check's, a commit's answer). */
async function found(db: DbOrTx, board: ProgressBoard, caller: Caller, id: string) {
  return (await get(db, board, caller, id))!;
}

/** The import with the rows as kept, for the file with its errors. */
export async function withRows(db: DbOrTx, caller: Caller, id: string) {
  const row = await requireImport(db, caller, id, true);
  return { rows: row.cells as SheetRow[], headerIndex: row.headerIndex, result: toImport(row, undefined) };
}

/** Unknown headers mapped to columns (or ignored), kept for the incubator, and the file judged again. */
export async function setMapping(
  db: Db,
  board: ProgressBoard,
  steps: ImportSteps,
  caller: Caller,
  id: string,
  body: ImportMappingBody,
): Promise<Import> {
  const row = await requireImport(db, caller, id, true);
  if (row.status === 'committed')
    throw unprocessable('The import was committed', [{ path: 'status', message: 'committed' }]);
  const refused = Object.entries(body.mapping).filter(([, key]) => key !== '' && !columnOf(row.kind, key));
  if (refused.length)
    throw badRequest(
      'These headers are mapped to no known column',
      refused.map(([h]) => ({ path: `mapping.${h}`, message: 'unknown_column' })),
    );
  const mapping = {
    ...(await q.mappingOf(db, row.incubatorId, row.kind)),
    ...Object.fromEntries(Object.entries(body.mapping).map(([h, k]) => [normalizeHeader(h), k])),
  };
  const progress = await board.start(ownerOf(row), 'validating', 0, toImport(row, undefined));
  if (!progress.claimed)
    throw conflict('The import is being validated or committed', [{ path: 'status', message: 'running' }]);
  try {
    await q.saveMapping(db, row.incubatorId, row.kind, mapping);
    const rows = row.cells as SheetRow[];
    const { judgement, index, bindings } = await judge(
      db,
      row.kind,
      row.incubatorId,
      rows,
      mapping,
      steps,
      progress,
    );
    await q.updateImport(db, id, {
      headerIndex: index,
      status: judgement.errors.length ? 'invalid' : 'validated',
      result: stored(judgement, index, rows, bindings, mapping),
    });
  } finally {
    await progress.end();
  }
  return found(db, board, caller, id);
}

const ownerOf = (row: ImportRow) => ({
  importId: row.id,
  incubatorId: row.incubatorId,
  kind: row.kind,
  fileName: row.fileName,
});

/** Every row or none. The rows are judged again inside the transaction: the records may have moved on. */
export async function commit(db: Db, board: ProgressBoard, steps: ImportSteps, caller: Caller, id: string) {
  const first = await requireImport(db, caller, id);
  if (first.status === 'committed')
    return { id, status: 'committed' as const, created: first.created ?? 0, updated: first.updated ?? 0 };
  if (first.status === 'invalid')
    throw unprocessable('The import has errors; fix the file and upload it again', [
      { path: 'errors', message: 'import_invalid' },
    ]);
  // A second commit of the same import finds the progress row taken: it waits on the import's lock
  // and answers the first one's result, writing no progress of its own.
  // The bar shows the rows to check again at once, also while the commit waits for the import's lock.
  const progress = await board.start(
    ownerOf(first),
    'validating',
    (first.result as Stored).rows,
    toImport(first, undefined),
  );
  try {
    return await db.transaction(async (tx) => {
      const row = await q.lockImport(tx, id);
      if (row.status === 'committed')
        return { id, status: 'committed' as const, created: row.created ?? 0, updated: row.updated ?? 0 };
      const mapping = await q.mappingOf(tx, row.incubatorId, row.kind);
      const { judgement } = await judge(
        tx,
        row.kind,
        row.incubatorId,
        row.cells as SheetRow[],
        mapping,
        steps,
        progress,
      );
      if (judgement.errors.length) {
        throw unprocessable(
          'The records changed since the file was checked; validate it again',
          judgement.errors
            .slice(0, 50)
            .map((e) => ({ path: `row ${e.row} ${e.column}`, message: e.message })),
        );
      }
      const total = judgement.plans.length;
      progress.begin('committing', total);
      const counts = await withStatsDelta(tx, judgement.incubatorIds, () =>
        applyPlans(tx, caller, row.incubatorId, judgement.plans, steps, (done) => progress.report(done)),
      );
      await q.updateImport(tx, id, { status: 'committed', ...counts, committedAt: new Date().toISOString() });
      return { id, status: 'committed' as const, ...counts };
    });
  } finally {
    // After the transaction: the progress writes use another connection of the pool.
    await progress.end();
  }
}
