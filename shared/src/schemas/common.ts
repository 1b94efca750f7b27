// Building blocks of every request and response schema.
import { z } from 'zod';
import { isFutureDate } from '../rules/dates';

export const Uuid = z.uuid();

/** A calendar date `YYYY-MM-DD` that exists (2023-02-29 is refused). */
export const IsoDate = z.iso.date();

/** A date that has already happened (today counts): records describe the past. */
export const PastDate = IsoDate.refine((d) => !isFutureDate(d), { message: 'date_in_future' });

/** Money is an integer number of yuan (API.md). */
export const Yuan = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const SignedYuan = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
export const SquareMetres = z.number().nonnegative().max(1e9);
export const Count = z.number().int().nonnegative().max(1e9);

/** A yes/no query parameter: `true` or `false`. */
export const QueryFlag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const Version = z.number().int().positive();

/** Past this, OFFSET makes the database walk millions of rows: narrow the filter instead. */
export const MAX_PAGE = 10_000;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** One thing wrong with one field: `message` is a stable code the web translates. */
export const FieldProblem = z.object({ path: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblem>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(FieldProblem).optional(),
});
export type Problem = z.infer<typeof Problem>;
