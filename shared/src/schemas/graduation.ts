import { z } from 'zod';
import { GRADUATION_EVIDENCE_MIN_LENGTH } from '../rules/graduation';
import { IsoDate, PastDate } from './common';
import { ExitReason, GraduationCriterion } from './enums';

export const GraduationBody = z.strictObject({
  graduatedOn: PastDate,
  criteria: z
    .array(GraduationCriterion)
    .min(1)
    .refine((a) => new Set(a).size === a.length, 'duplicate_criterion'),
  /** Required (by checkGraduation) when a claimed criterion is not proven by the records. */
  evidence: z.string().trim().min(GRADUATION_EVIDENCE_MIN_LENGTH).max(2000).optional(),
});
export type GraduationBody = z.infer<typeof GraduationBody>;

export const ExitBody = z.strictObject({
  exitedOn: PastDate,
  reason: ExitReason,
  note: z.string().trim().max(2000).optional(),
});
export type ExitBody = z.infer<typeof ExitBody>;

/** One criterion as graduationEligibility judged it. */
export const CriterionEligibility = z.object({
  criterion: GraduationCriterion,
  proven: z.boolean(),
  reason: z.string(),
  detail: z.record(z.string(), z.union([z.number(), z.string()])),
});
export type CriterionEligibility = z.infer<typeof CriterionEligibility>;

/** A graduation as it was recorded: every claimed criterion, and those the records did not prove. */
export const RecordedGraduation = z.object({
  graduatedOn: IsoDate,
  criteria: z.array(GraduationCriterion),
  unverifiedCriteria: z.array(GraduationCriterion),
  evidence: z.string().nullable(),
});
export type RecordedGraduation = z.infer<typeof RecordedGraduation>;

/** What the records prove for a tenant graduating on `asOf`. */
export const GraduationEligibilityOut = z.object({
  tenantId: z.uuid(),
  asOf: IsoDate,
  criteria: z.array(CriterionEligibility),
  /** Null until the tenant has graduated. */
  graduation: RecordedGraduation.nullable(),
});
export type GraduationEligibilityOut = z.infer<typeof GraduationEligibilityOut>;

export const GraduationEligibilityQuery = z.object({
  /** The date to judge as of (a planned graduation date); today when absent. */
  asOf: IsoDate.optional(),
});
export type GraduationEligibilityQuery = z.infer<typeof GraduationEligibilityQuery>;
