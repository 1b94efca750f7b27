// Company search in English: the same keys as companies.zh-CN.ts (a missing one is a type error).
import type { companiesZhCN } from './companies.zh-CN';

export const companiesEn: Record<keyof typeof companiesZhCN, string> = {
  'nav.companies': 'Companies',
  'companies.heading': 'Companies',
  'companies.scopeNational': 'Incubating, graduated and departed companies of every incubator in the country',
  'companies.scopeProvince': 'Scope: companies that stayed in an incubator in {province}',
  'companies.search': 'Part of the name (two characters or more) or the start of the USCC',
  'companies.hint': 'Type part of a company name (two characters or more) or the start of its USCC.',
  'companies.none': 'No company matches.',
  'companies.record': 'National company record',
  'companies.incubator': 'Incubator',
  'companies.tenancies': 'Stays in incubators',
  'companies.noTenancies': 'This company has no stay in your scope.',
  'companies.recordedAs': 'Company as the incubator recorded it',
  'companies.endedOn': 'Graduated or left on',
};
