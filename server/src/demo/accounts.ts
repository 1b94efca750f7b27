// The demo accounts of API.md. Only the demo dataset creates them, never production mode.
export const DEMO_PASSWORD = 'torch-demo-2006';

export const DEMO_ACCOUNTS = {
  national: { email: 'national@torch.demo', name: '火炬中心 审核员', role: 'national' },
  hubei: { email: 'hubei@torch.demo', name: '湖北省科技厅', role: 'province', provinceCode: '420000' },
  wuhan: { email: 'manager.wuhan@torch.demo', name: '武汉东湖创业中心 管理员', role: 'incubator_manager' },
  zgc: { email: 'manager.zgc@torch.demo', name: '中关村孵化器 管理员', role: 'incubator_manager' },
  tenant: { email: 'tenant.wuhan@torch.demo', name: '在孵企业 用户', role: 'tenant' },
} as const;

export const WUHAN_INCUBATOR = {
  name: '武汉东湖新技术创业中心',
  nameEn: 'Wuhan East Lake Innovation Center',
  provinceCode: '420000',
  city: '武汉',
  parkNumber: 31,
  type: 'general',
  level: 'national',
  legalNature: 'public_institution',
  foundedOn: '1987-06-07',
} as const;

export const ZGC_INCUBATOR = {
  name: '北京中关村国际孵化器',
  nameEn: 'Zhongguancun International Incubator',
  provinceCode: '110000',
  city: '北京',
  parkNumber: 1,
  type: 'international',
  level: 'national',
  legalNature: 'enterprise',
  foundedOn: '1997-10-15',
} as const;
