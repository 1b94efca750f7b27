// Labels of the closed code lists (codes live in @torch/shared). A Record per enum makes a new
// code without a label a type error.
import type {
  ExitReason,
  FounderTrait,
  GraduationCriterion,
  IncubatorLevel,
  IncubatorType,
  LegalNature,
  Role,
  TenantStatus,
} from '@torch/shared';

export interface Bilingual {
  zh: string;
  en: string;
}

export const TENANT_STATUS_LABELS: Record<TenantStatus, Bilingual> = {
  incubating: { zh: '在孵', en: 'Incubating' },
  graduated: { zh: '已毕业', en: 'Graduated' },
  exited: { zh: '已退出', en: 'Exited' },
};

export const INCUBATOR_TYPE_LABELS: Record<IncubatorType, Bilingual> = {
  general: { zh: '综合孵化器', en: 'General' },
  specialized: { zh: '专业孵化器', en: 'Specialized' },
  university_science_park: { zh: '大学科技园', en: 'University science park' },
  returned_scholars: { zh: '留学人员创业园', en: 'Returned scholars park' },
  international: { zh: '国际企业孵化器', en: 'International incubator' },
};

export const INCUBATOR_LEVEL_LABELS: Record<IncubatorLevel, Bilingual> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  other: { zh: '其他', en: 'Other' },
};

export const LEGAL_NATURE_LABELS: Record<LegalNature, Bilingual> = {
  public_institution: { zh: '事业单位', en: 'Public institution' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const FOUNDER_TRAIT_LABELS: Record<FounderTrait, Bilingual> = {
  returned_scholar: { zh: '留学归国人员', en: 'Returned scholar' },
  university_student: { zh: '大学生', en: 'University student' },
  scientist: { zh: '科技人员', en: 'Scientist' },
  serial_entrepreneur: { zh: '连续创业者', en: 'Serial entrepreneur' },
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
