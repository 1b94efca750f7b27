// The annual statistical return (年度统计报表, SPEC §3; API.md "Annual returns"): requests and answers.
import { z } from 'zod';
import { RETURN_FIGURE_FIELDS, type ReturnFigureField } from '../rules/annual-return';
import { IsoDate, PageQuery } from './common';
import { ReturnAction, ReturnStatus } from './enums';
import { ProvinceCode } from './reference';
import { StatsIndicators } from './stats';

/** Returns describe finished (or the current) years since the first incubator. */
export const ReturnYear = z.coerce.number().int().min(1987).max(2100);

// A draft may hold impossible figures (a negative amount): the rules flag them as errors and
// submission refuses them, so the manager sees every problem at once instead of a 400.
const area = z.number().min(-1e9).max(1e9);
const money = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(-1e9).max(1e9);
const AREAS: readonly ReturnFigureField[] = ['totalArea', 'tenantArea', 'publicServiceArea'];
const COUNTS: readonly ReturnFigureField[] = ['staffCount', 'mentorCount', 'mentorsOnStaff'];

export const ReturnFigures = z.strictObject(
  Object.fromEntries(
    RETURN_FIGURE_FIELDS.map((f) => [f, AREAS.includes(f) ? area : COUNTS.includes(f) ? count : money]),
  ) as Record<ReturnFigureField, z.ZodNumber>,
);
export type ReturnFigures = z.infer<typeof ReturnFigures>;

/** The tenant aggregates computed from the records at the year's end (statistics' names). */
export const ReturnComputed = StatsIndicators.extend({
  /** Tenants incubating at the year's end that have received any investment by then. */
  tenantsFinanced: z.number().int(),
  /** Of the tenants incubating, those in the incubator's own field (specialized incubators). */
  tenantsInField: z.number().int(),
});
export type ReturnComputed = z.infer<typeof ReturnComputed>;

export const ReturnFlag = z.object({
  code: z.string(),
  kind: z.string(),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  message: z.string(),
  value: z.number(),
  reference: z.number().nullable(),
  explanation: z.string().optional(),
});
export type ReturnFlag = z.infer<typeof ReturnFlag>;

const Path = z.string().regex(/^(figures|computed)\.[A-Za-z]+$/, { message: 'unknown_path' });

export const ReturnComment = z.object({
  path: z.string().nullable(),
  comment: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type ReturnComment = z.infer<typeof ReturnComment>;

export const ReturnHistoryEntry = z.object({
  action: z.string(),
  status: ReturnStatus,
  by: z.string(),
  byName: z.string(),
  at: z.string(),
  reason: z.string().nullable().optional(),
});
export type ReturnHistoryEntry = z.infer<typeof ReturnHistoryEntry>;

export const RecognitionCheckSchema = z.object({
  check: z.string(),
  pass: z.boolean(),
  actual: z.number(),
  required: z.number(),
});
export const RecognitionReadinessSchema = z.object({
  ruleYear: z.number().int(),
  ready: z.boolean(),
  checks: z.array(RecognitionCheckSchema),
});

export const AnnualReturn = z.object({
  incubatorId: z.uuid(),
  incubatorName: z.string(),
  provinceCode: z.string(),
  year: z.number().int(),
  status: ReturnStatus,
  /** 0 until the return is first saved; a PUT carries the version it read. */
  version: z.number().int().nonnegative(),
  deadline: IsoDate,
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  onTime: z.boolean(),
  figures: ReturnFigures,
  computed: ReturnComputed,
  flags: z.array(ReturnFlag),
  explanations: z.record(z.string(), z.string()),
  comments: z.array(ReturnComment),
  history: z.array(ReturnHistoryEntry),
  /** Figures changed since the version last returned to the manager (empty if never returned). */
  changes: z.array(z.object({ path: z.string(), before: z.number(), after: z.number() })),
  /** Null for years before any recognition rule set was in force. */
  recognition: RecognitionReadinessSchema.nullable(),
  /** What the caller may do with it now. */
  actions: z.array(ReturnAction),
});
export type AnnualReturn = z.infer<typeof AnnualReturn>;

export const ReturnParams = z.object({ id: z.uuid(), year: ReturnYear });

export const ReturnSave = z.strictObject({
  version: z.number().int().nonnegative(),
  figures: ReturnFigures,
  explanations: z.record(z.string().max(200), z.string().max(4000)).optional(),
});
export type ReturnSave = z.infer<typeof ReturnSave>;

export const ReturnSendBack = z.strictObject({
  comment: z.string().trim().min(1).max(4000),
  fieldComments: z
    .array(z.strictObject({ path: Path, comment: z.string().trim().min(1).max(4000) }))
    .max(100)
    .optional(),
});
export type ReturnSendBack = z.infer<typeof ReturnSendBack>;

export const ReturnReopen = z.strictObject({ reason: z.string().trim().min(1).max(4000) });
export type ReturnReopen = z.infer<typeof ReturnReopen>;

export const ReturnListQuery = PageQuery.extend({
  year: ReturnYear,
  status: ReturnStatus.optional(),
  province: ProvinceCode.optional(),
});
export type ReturnListQuery = z.infer<typeof ReturnListQuery>;

export const ReturnListItem = z.object({
  incubatorId: z.uuid(),
  incubatorName: z.string(),
  provinceCode: z.string(),
  year: z.number().int(),
  status: ReturnStatus,
  submittedAt: z.string().nullable(),
  onTime: z.boolean(),
});
export type ReturnListItem = z.infer<typeof ReturnListItem>;

export const CompletenessQuery = z.strictObject({ year: ReturnYear, province: ProvinceCode.optional() });
export type CompletenessQuery = z.infer<typeof CompletenessQuery>;

const tally = {
  expected: z.number().int(),
  submitted: z.number().int(),
  approved: z.number().int(),
  accepted: z.number().int(),
  onTime: z.number().int(),
};
export const Completeness = z.object({
  year: z.number().int(),
  deadline: IsoDate,
  ...tally,
  /** By province (national) or by incubator (province, or national with `province=`). */
  rows: z.array(z.object({ key: z.string(), label: z.string(), status: ReturnStatus.nullable(), ...tally })),
});
export type Completeness = z.infer<typeof Completeness>;

export const ReturnDeadline = z.object({ year: z.number().int(), deadline: IsoDate, isDefault: z.boolean() });
export type ReturnDeadline = z.infer<typeof ReturnDeadline>;
export const ReturnDeadlineSet = z.strictObject({ deadline: IsoDate });
export type ReturnDeadlineSet = z.infer<typeof ReturnDeadlineSet>;
