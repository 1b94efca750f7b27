// 企业查询: the national company identity pages (search and one company's stays).
// Spread into zh-CN.ts; en.ts spreads companies.en.ts, which must have the same keys.
export const companiesZhCN = {
  'nav.companies': '企业查询',
  'companies.heading': '企业查询',
  'companies.scopeNational': '全国各孵化器的在孵、毕业及已退出企业',
  'companies.scopeProvince': '范围：在{province}孵化器孵化过的企业',
  'companies.search': '企业名称（至少两个字）或统一社会信用代码开头',
  'companies.hint': '输入企业名称的一部分（至少两个字）或统一社会信用代码的开头。',
  'companies.none': '没有找到符合条件的企业。',
  'companies.record': '全国企业信息',
  'companies.incubator': '孵化器',
  'companies.tenancies': '孵化经历',
  'companies.noTenancies': '该企业在您的范围内没有孵化经历。',
  'companies.recordedAs': '孵化器登记的企业名称',
  'companies.endedOn': '毕业或退出日期',
};
