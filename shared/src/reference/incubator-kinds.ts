// The names of incubator types and levels as the Torch yearbook prints them: the dashboard's
// labels and the statistics' group names (and export sheets) both read them from here.
import type { IncubatorLevel, IncubatorType } from '../schemas/enums';

export interface Bilingual {
  zh: string;
  en: string;
}

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
