// Labels of record fields and codes that exports, import headers and the dashboard all print:
// written once here, re-exported by the web's i18n.
import type { FigureField } from '../rules/figures';
import type { FounderTrait, InvestmentInstrument, InvestorKind, TenantStatus } from '../schemas/enums';
import type { Bilingual } from './incubator-kinds';

export const FOUNDER_TRAIT_LABELS: Record<FounderTrait, Bilingual> = {
  returned_scholar: { zh: '留学归国人员', en: 'Returned scholar' },
  university_student: { zh: '大学生', en: 'University student' },
  scientist: { zh: '科技人员', en: 'Scientist' },
  serial_entrepreneur: { zh: '连续创业者', en: 'Serial entrepreneur' },
};

export const FIGURE_LABELS: Record<FigureField, Bilingual> = {
  revenue: { zh: '营业收入', en: 'Revenue' },
  netProfit: { zh: '净利润', en: 'Net profit' },
  rdSpending: { zh: '研发投入', en: 'R&D spending' },
  taxesPaid: { zh: '上缴税费', en: 'Taxes paid' },
  exports: { zh: '出口创汇', en: 'Exports' },
  employees: { zh: '从业人员', en: 'Employees' },
  phdEmployees: { zh: '其中：博士', en: 'of whom PhDs' },
  collegeEmployees: { zh: '其中：大专以上学历', en: 'of whom college-educated' },
  returnedScholarEmployees: { zh: '其中：留学归国人员', en: 'of whom returned scholars' },
  freshGraduatesHired: { zh: '其中：吸纳应届毕业生', en: 'of whom fresh graduates hired' },
  ipApplications: { zh: '当年知识产权申请数', en: 'IP applications in the year' },
  ipGranted: { zh: '当年知识产权授权数', en: 'IP granted in the year' },
  inventionPatents: { zh: '拥有有效发明专利', en: 'Valid invention patents' },
  softwareCopyrights: { zh: '拥有软件著作权', en: 'Software copyrights' },
  otherIp: { zh: '拥有其他知识产权', en: 'Other valid IP' },
  financingReceived: { zh: '当年获得融资', en: 'Financing received' },
};

export const TENANT_STATUS_LABELS: Record<TenantStatus, Bilingual> = {
  incubating: { zh: '在孵', en: 'Incubating' },
  graduated: { zh: '已毕业', en: 'Graduated' },
  exited: { zh: '已退出', en: 'Exited' },
};

export const INVESTOR_KIND_LABELS: Record<InvestorKind, Bilingual> = {
  incubator_fund: { zh: '孵化器（合作）基金', en: 'Incubator fund' },
  angel: { zh: '天使投资', en: 'Angel investment' },
  vc: { zh: '创业投资', en: 'Venture capital' },
  government_grant: { zh: '政府资金', en: 'Government fund' },
  bank_loan: { zh: '银行贷款', en: 'Bank loan' },
  other: { zh: '其他', en: 'Other' },
};

export const INSTRUMENT_LABELS: Record<InvestmentInstrument, Bilingual> = {
  equity: { zh: '股权投资', en: 'Equity' },
  parallel_investment: { zh: '跟进投资（引导基金）', en: 'Parallel investment (guidance fund)' },
  grant: { zh: '无偿资助', en: 'Grant' },
  loan: { zh: '贷款', en: 'Loan' },
  convertible: { zh: '可转债', en: 'Convertible' },
  other: { zh: '其他', en: 'Other' },
};
