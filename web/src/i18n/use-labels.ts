// Display names for codes in the current language: enums from enum-labels, reference data
// (fields, provinces) from the API's nameZh/nameEn. While reference data loads, the code shows.
import type {
  Exchange,
  FigureField,
  FounderTrait,
  GraduationCriterion,
  IncubatorLevel,
  IncubatorType,
  InvestmentInstrument,
  InvestorKind,
  ReportStatus,
  Role,
  TenantStatus,
  TimelineKind,
} from '@torch/shared';
import { useCallback, useMemo } from 'react';
import { useFields, useProvinces } from '../api/reference';
import {
  type Bilingual,
  EXCHANGE_LABELS,
  EXIT_REASON_LABELS,
  FIGURE_LABELS,
  FOUNDER_TRAIT_LABELS,
  GRADUATION_CRITERION_LABELS,
  INCUBATOR_LEVEL_LABELS,
  INCUBATOR_TYPE_LABELS,
  INSTRUMENT_LABELS,
  INVESTOR_KIND_LABELS,
  LEGAL_NATURE_LABELS,
  REPORT_STATUS_LABELS,
  ROLE_LABELS,
  TENANT_STATUS_LABELS,
  TIMELINE_KIND_LABELS,
} from './enum-labels';
import { useI18n } from './I18nProvider';

interface Named {
  nameZh: string;
  nameEn: string;
}

export function useLabels() {
  const { language } = useI18n();
  const fields = useFields().data;
  const provinces = useProvinces().data;

  const pick = useCallback((label: Bilingual) => (language === 'en' ? label.en : label.zh), [language]);
  const nameOf = useCallback((item: Named) => (language === 'en' ? item.nameEn : item.nameZh), [language]);

  return useMemo(() => {
    const fieldByCode = new Map(fields?.map((f) => [f.code as string, f]));
    const provinceByCode = new Map(provinces?.map((p) => [p.code, p]));
    return {
      pick,
      nameOf,
      status: (code: TenantStatus) => pick(TENANT_STATUS_LABELS[code]),
      incubatorType: (code: IncubatorType) => pick(INCUBATOR_TYPE_LABELS[code]),
      level: (code: IncubatorLevel) => pick(INCUBATOR_LEVEL_LABELS[code]),
      legalNature: (code: keyof typeof LEGAL_NATURE_LABELS) => pick(LEGAL_NATURE_LABELS[code]),
      exitReason: (code: keyof typeof EXIT_REASON_LABELS) => pick(EXIT_REASON_LABELS[code]),
      trait: (code: FounderTrait) => pick(FOUNDER_TRAIT_LABELS[code]),
      role: (code: Role) => pick(ROLE_LABELS[code]),
      criterion: (code: GraduationCriterion) => pick(GRADUATION_CRITERION_LABELS[code]),
      investorKind: (code: InvestorKind) => pick(INVESTOR_KIND_LABELS[code]),
      instrument: (code: InvestmentInstrument) => pick(INSTRUMENT_LABELS[code]),
      exchange: (code: Exchange) => pick(EXCHANGE_LABELS[code]),
      reportStatus: (code: ReportStatus) => pick(REPORT_STATUS_LABELS[code]),
      figure: (code: FigureField) => pick(FIGURE_LABELS[code]),
      timelineKind: (code: TimelineKind) => pick(TIMELINE_KIND_LABELS[code]),
      field: (code: string) => {
        const field = fieldByCode.get(code);
        return field ? nameOf(field) : code;
      },
      province: (code: string) => {
        const province = provinceByCode.get(code);
        return province ? nameOf(province) : code;
      },
    };
  }, [fields, provinces, pick, nameOf]);
}
