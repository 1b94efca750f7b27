import { z } from 'zod';
import { type FigureField, figureProblems, JUMP_FIELDS } from '../rules/figures';
import { Count, PageQuery, SignedYuan, Version, Yuan } from './common';
import { ReportStatus } from './enums';

/** The first incubator opened in 1987; nothing is reported before it. */
export const ReportYear = z.number().int().min(1987).max(2100);

const figureShape = {
  revenue: Yuan,
  netProfit: SignedYuan,
  rdSpending: Yuan,
  taxesPaid: Yuan,
  exports: Yuan,
  employees: Count,
  phdEmployees: Count,
  collegeEmployees: Count,
  returnedScholarEmployees: Count,
  freshGraduatesHired: Count,
  ipApplications: Count,
  ipGranted: Count,
  inventionPatents: Count,
  softwareCopyrights: Count,
  otherIp: Count,
  financingReceived: Yuan,
} satisfies Record<FigureField, z.ZodType>;

/**
 * Cross-field rules from figureProblems. A field the per-field schema already refused keeps only
 * that issue, so a negative revenue is reported once, not twice.
 */
function figuresConsistent(v: Partial<Record<FigureField, unknown>>, ctx: z.RefinementCtx) {
  const refused = new Set(ctx.issues.map((i) => i.path?.[0]));
  for (const p of figureProblems(v)) {
    if (!refused.has(p.path)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
  }
}

export const ReportFigures = z.object({ year: ReportYear, ...figureShape }).superRefine(figuresConsistent);
export type ReportFigures = z.infer<typeof ReportFigures>;

/** A draft for a year; figures left out start at zero and are filled in by later patches. */
export const ReportCreate = z
  .strictObject({ year: ReportYear, ...figureShape })
  .partial()
  .required({ year: true })
  .superRefine(figuresConsistent);
export type ReportCreate = z.infer<typeof ReportCreate>;

/**
 * The year is the report's identity (one per company per year), so it is not patchable. A patch
 * is checked against itself here; the service checks the merged report again.
 */
export const ReportPatch = z
  .strictObject({ version: Version, ...figureShape })
  .partial()
  .required({ version: true })
  .superRefine(figuresConsistent);
export type ReportPatch = z.infer<typeof ReportPatch>;

export const ReportFlag = z.object({
  field: z.enum(JUMP_FIELDS),
  previous: z.number(),
  current: z.number(),
  ratio: z.number(),
});
export type ReportFlag = z.infer<typeof ReportFlag>;

export const Report = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  companyId: z.uuid(),
  incubatorId: z.uuid(),
  /** The company's name, for review queues. */
  companyName: z.string(),
  year: z.number().int(),
  ...figureShape,
  status: ReportStatus,
  reviewComment: z.string().nullable(),
  /** Year-on-year jumps the reviewer should look at (jumpFlags); never a reason to refuse. */
  flags: z.array(ReportFlag),
  /** Null while the report is a draft. */
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Report = z.infer<typeof Report>;

/** A reviewer sends a report back with what to fix. */
export const ReportReturnBody = z.strictObject({
  comment: z.string().trim().min(2).max(2000),
});
export type ReportReturnBody = z.infer<typeof ReportReturnBody>;

export const ReportListQuery = PageQuery.extend({
  status: ReportStatus.optional(),
  year: z.coerce.number().int().min(1987).max(2100).optional(),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;
