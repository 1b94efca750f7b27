// Technology fields: the eight 国家重点支持的高新技术领域 plus modern agriculture and other (SPEC §2).
export const FIELD_CODES = [
  'electronic_information',
  'biomedicine',
  'aerospace',
  'new_materials',
  'high_tech_services',
  'new_energy',
  'resources_environment',
  'advanced_manufacturing',
  'modern_agriculture',
  'other',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

export interface Field {
  code: FieldCode;
  nameZh: string;
  nameEn: string;
}

export const FIELDS: readonly Field[] = [
  { code: 'electronic_information', nameZh: '电子信息', nameEn: 'Electronic information' },
  { code: 'biomedicine', nameZh: '生物与新医药', nameEn: 'Biomedicine' },
  { code: 'aerospace', nameZh: '航空航天', nameEn: 'Aerospace' },
  { code: 'new_materials', nameZh: '新材料', nameEn: 'New materials' },
  { code: 'high_tech_services', nameZh: '高技术服务', nameEn: 'High-tech services' },
  { code: 'new_energy', nameZh: '新能源与节能', nameEn: 'New energy and energy saving' },
  { code: 'resources_environment', nameZh: '资源与环境', nameEn: 'Resources and environment' },
  {
    code: 'advanced_manufacturing',
    nameZh: '先进制造与自动化',
    nameEn: 'Advanced manufacturing and automation',
  },
  { code: 'modern_agriculture', nameZh: '现代农业', nameEn: 'Modern agriculture' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
];
