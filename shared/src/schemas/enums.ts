// Every closed list of codes the product uses, once. Labels live in the web's i18n, codes here.
import { z } from 'zod';

export const ROLES = ['national', 'province', 'incubator_manager', 'tenant'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const INCUBATOR_TYPES = [
  'general',
  'specialized',
  'university_science_park',
  'returned_scholars',
  'international',
] as const;
export const IncubatorType = z.enum(INCUBATOR_TYPES);
export type IncubatorType = z.infer<typeof IncubatorType>;

export const INCUBATOR_LEVELS = ['national', 'provincial', 'municipal', 'other'] as const;
export const IncubatorLevel = z.enum(INCUBATOR_LEVELS);
export type IncubatorLevel = z.infer<typeof IncubatorLevel>;

export const LEGAL_NATURES = ['public_institution', 'enterprise'] as const;
export const LegalNature = z.enum(LEGAL_NATURES);
export type LegalNature = z.infer<typeof LegalNature>;

export const TENANT_STATUSES = ['incubating', 'graduated', 'exited'] as const;
export const TenantStatus = z.enum(TENANT_STATUSES);
export type TenantStatus = z.infer<typeof TenantStatus>;

export const EXIT_REASONS = ['moved_out', 'failed', 'merged', 'other'] as const;
export const ExitReason = z.enum(EXIT_REASONS);
export type ExitReason = z.infer<typeof ExitReason>;

export const FOUNDER_TRAITS = [
  'returned_scholar',
  'university_student',
  'scientist',
  'serial_entrepreneur',
] as const;
export const FounderTrait = z.enum(FOUNDER_TRAITS);
export type FounderTrait = z.infer<typeof FounderTrait>;

export const GRADUATION_CRITERIA = [
  'high_tech_enterprise',
  'investment_over_5m',
  'revenue_10m_two_years',
  'acquired',
  'listed',
] as const;
export const GraduationCriterion = z.enum(GRADUATION_CRITERIA);
export type GraduationCriterion = z.infer<typeof GraduationCriterion>;

export const INVESTOR_KINDS = [
  'incubator_fund',
  'angel',
  'vc',
  'government_grant',
  'bank_loan',
  'other',
] as const;
export const InvestorKind = z.enum(INVESTOR_KINDS);
export type InvestorKind = z.infer<typeof InvestorKind>;

export const INVESTMENT_INSTRUMENTS = [
  'equity',
  'parallel_investment',
  'grant',
  'loan',
  'convertible',
  'other',
] as const;
export const InvestmentInstrument = z.enum(INVESTMENT_INSTRUMENTS);
export type InvestmentInstrument = z.infer<typeof InvestmentInstrument>;

export const EXCHANGES = [
  'sse_main',
  'sse_star',
  'szse_main',
  'szse_chinext',
  'bse',
  'neeq',
  'hkex',
  'nasdaq',
  'nyse',
  'other',
] as const;
export const Exchange = z.enum(EXCHANGES);
export type Exchange = z.infer<typeof Exchange>;

export const REPORT_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

export const RETURN_STATUSES = ['draft', 'submitted', 'approved', 'accepted', 'returned'] as const;
export const ReturnStatus = z.enum(RETURN_STATUSES);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

export const RETURN_ACTIONS = ['submit', 'approve', 'accept', 'return', 'reopen'] as const;
export const ReturnAction = z.enum(RETURN_ACTIONS);
export type ReturnAction = z.infer<typeof ReturnAction>;
