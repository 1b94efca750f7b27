// Bulk imports of spreadsheets (API.md "Imports"): upload → validated preview → commit.
import { z } from 'zod';
import { IMPORT_KINDS } from '../rules/import-columns';
import { QueryFlag } from './common';

export const ImportKindSchema = z.enum(IMPORT_KINDS);

/** `validating`: an upload still being checked (GET /imports/:id while its request runs). */
export const IMPORT_STATUSES = ['validating', 'validated', 'invalid', 'committing', 'committed'] as const;
export const ImportStatus = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatus>;

export const ImportKindQuery = z.object({ kind: ImportKindSchema });
export type ImportKindQuery = z.infer<typeof ImportKindQuery>;

export const ImportUploadQuery = ImportKindQuery.extend({
  /** The id the import will have (a UUID the client makes), to follow its validation while it runs. */
  id: z.uuid().optional(),
});
export type ImportUploadQuery = z.infer<typeof ImportUploadQuery>;

export const ImportGetQuery = z.object({
  /**
   * The caller is uploading a file under this id (ImportUploadQuery.id) and follows it: until the
   * upload's request has claimed the id, 204 (not yet) instead of 404.
   */
  uploading: QueryFlag.optional(),
});
export type ImportGetQuery = z.infer<typeof ImportGetQuery>;

export const RowProblemSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

export const ImportColumnBinding = z.object({
  header: z.string(),
  /** The column key it was matched or mapped to; null when it is ignored. */
  key: z.string().nullable(),
});

export const ImportProgress = z.object({
  phase: z.enum(['validating', 'committing', 'done']),
  done: z.number().int(),
  total: z.number().int(),
});

export const Import = z.object({
  id: z.uuid(),
  incubatorId: z.uuid(),
  kind: ImportKindSchema,
  status: ImportStatus,
  fileName: z.string(),
  /** Data rows in the file (the header row and the rows above it not counted). */
  rows: z.number().int(),
  valid: z.number().int(),
  /** The spreadsheet row of the headers. */
  headerRow: z.number().int(),
  columns: z.array(ImportColumnBinding),
  /** Headers that name no known column: map them (PUT …/mapping) or they are ignored. */
  unknownHeaders: z.array(z.string()),
  errors: z.array(RowProblemSchema),
  warnings: z.array(RowProblemSchema),
  /** Rows the commit will add (new tenancies or reports) and change (existing ones). */
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  created: z.number().int().nullable(),
  updated: z.number().int().nullable(),
  progress: ImportProgress,
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
export type Import = z.infer<typeof Import>;

/** Unknown headers → a column key, or '' to ignore the column. Kept for the incubator's next import. */
export const ImportMappingBody = z.strictObject({
  mapping: z.record(z.string().min(1).max(200), z.string().max(60)),
});
export type ImportMappingBody = z.infer<typeof ImportMappingBody>;

export const ImportCommitResult = z.object({
  id: z.uuid(),
  status: z.literal('committed'),
  created: z.number().int(),
  updated: z.number().int(),
});
export type ImportCommitResult = z.infer<typeof ImportCommitResult>;

/** Most rows one file may hold, and its largest size. */
export const IMPORT_MAX_ROWS = 50_000;
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
