// Labels of the closed code lists (codes live in @torch/shared). A Record per enum makes a new
// code without a label a type error.
import type {
  Bilingual,
  Exchange,
  ExitReason,
  GraduationCriterion,
  LegalNature,
  ReportStatus,
  Role,
  TimelineKind,
} from '@torch/shared';

export type { Bilingual } from '@torch/shared';
export {
  FIGURE_LABELS,
  FOUNDER_TRAIT_LABELS,
  INCUBATOR_LEVEL_LABELS,
  INCUBATOR_TYPE_LABELS,
  INSTRUMENT_LABELS,
  INVESTOR_KIND_LABELS,
  TENANT_STATUS_LABELS,
} from '@torch/shared';

export const LEGAL_NATURE_LABELS: Record<LegalNature, Bilingual> = {
  public_institution: { zh: '事业单位', en: 'Public institution' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const EXIT_REASON_LABELS: Record<ExitReason, Bilingual> = {
  moved_out: { zh: '迁出', en: 'Moved out' },
  failed: { zh: '经营失败', en: 'Failed' },
  merged: { zh: '被并购', en: 'Merged' },
  other: { zh: '其他', en: 'Other' },
};

export const GRADUATION_CRITERION_LABELS: Record<GraduationCriterion, Bilingual> = {
  high_tech_enterprise: { zh: '获高新技术企业认定', en: 'Certified high-tech enterprise' },
  investment_over_5m: { zh: '累计获投资超 500 万元', en: 'Investment over CNY 5M' },
  revenue_10m_two_years: { zh: '连续两年营收累计超 1000 万元', en: 'Revenue over CNY 10M in two years' },
  acquired: { zh: '被兼并收购', en: 'Acquired' },
  listed: { zh: '上市或挂牌', en: 'Listed' },
};

export const ROLE_LABELS: Record<Role, Bilingual> = {
  national: { zh: '火炬中心', en: 'Torch Center' },
  province: { zh: '省级科技厅', en: 'Provincial department' },
  incubator_manager: { zh: '孵化器管理员', en: 'Incubator manager' },
  tenant: { zh: '在孵企业', en: 'Tenant company' },
};

export const EXCHANGE_LABELS: Record<Exchange, Bilingual> = {
  sse_main: { zh: '上交所主板', en: 'SSE Main Board' },
  sse_star: { zh: '上交所科创板', en: 'SSE STAR Market' },
  szse_main: { zh: '深交所主板', en: 'SZSE Main Board' },
  szse_chinext: { zh: '深交所创业板', en: 'SZSE ChiNext' },
  bse: { zh: '北京证券交易所', en: 'Beijing Stock Exchange' },
  neeq: { zh: '新三板', en: 'NEEQ' },
  hkex: { zh: '香港交易所', en: 'HKEX' },
  nasdaq: { zh: '纳斯达克', en: 'NASDAQ' },
  nyse: { zh: '纽约证券交易所', en: 'NYSE' },
  other: { zh: '其他', en: 'Other' },
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, Bilingual> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审核', en: 'Submitted' },
  approved: { zh: '已通过', en: 'Approved' },
  returned: { zh: '已退回', en: 'Returned' },
};

export const TIMELINE_KIND_LABELS: Record<TimelineKind, Bilingual> = {
  admitted: { zh: '入孵', en: 'Admitted' },
  investment: { zh: '获得投资', en: 'Investment' },
  listing: { zh: '上市挂牌', en: 'Listing' },
  report_submitted: { zh: '提交年报', en: 'Report submitted' },
  report_approved: { zh: '年报审核通过', en: 'Report approved' },
  report_returned: { zh: '年报被退回', en: 'Report returned' },
  mentoring_started: { zh: '导师开始辅导', en: 'Mentoring started' },
  graduated: { zh: '毕业', en: 'Graduated' },
  exited: { zh: '退出', en: 'Exited' },
};
