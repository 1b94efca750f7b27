// How statistics read in the current language: indicator names and units from the shared
// STATS_INDICATOR_INFO, group names from the API's label/labelEn, money in 万元.
import { STATS_INDICATOR_INFO, type StatsIndicator } from '@torch/shared';
import { useMemo } from 'react';
import { formatCount, formatMoney, formatWan, YUAN_PER_WAN } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';

/** The indicators a table shows by default; the rest appear with "all indicators". */
export const MAIN_INDICATORS: readonly StatsIndicator[] = [
  'incubators',
  'tenantsIncubating',
  'tenantsAdmitted',
  'tenantsGraduated',
  'tenantsExited',
  'graduatesCumulative',
  'listingsCumulative',
  'investmentTotal',
  'incubatorInvestmentTotal',
  'tenantRevenue',
  'tenantRdSpending',
  'tenantEmployees',
];

/** From 100 万元 up, a tile drops the 元 decimals: they only make the figure wider. */
const LARGE_YUAN = 1_000_000;

export const isMoney = (indicator: StatsIndicator) => STATS_INDICATOR_INFO[indicator].unit === 'yuan';

export function useIndicatorText() {
  const { t, language } = useI18n();
  return useMemo(() => {
    const name = (indicator: StatsIndicator) =>
      language === 'en' ? STATS_INDICATOR_INFO[indicator].en : STATS_INDICATOR_INFO[indicator].zh;
    return {
      name,
      /** A column heading: the name with its unit when it is money. */
      heading: (indicator: StatsIndicator) =>
        isMoney(indicator) ? `${name(indicator)}${t('stats.unitWan')}` : name(indicator),
      /** A table cell: money in 万元 (the unit is in the heading), counts as they are. */
      cell: (indicator: StatsIndicator, value: number | null) =>
        value === null ? '—' : isMoney(indicator) ? formatWan(value, language) : formatCount(value, language),
      /** A headline figure that stands alone, so money carries its unit (whole 万元 once it is large). */
      figure: (indicator: StatsIndicator, value: number) => {
        if (!isMoney(indicator)) return formatCount(value, language);
        if (language === 'en' || value < LARGE_YUAN) return formatMoney(value, language);
        return `${formatCount(Math.round(value / YUAN_PER_WAN), language)} 万元`;
      },
      /** The number a chart plots: money in 万元, counts as they are. */
      plotted: (indicator: StatsIndicator, value: number) =>
        isMoney(indicator) ? value / YUAN_PER_WAN : value,
      /** A plotted number as an axis tick or tooltip shows it. */
      tick: (indicator: StatsIndicator, plotted: number) =>
        plotted.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', {
          maximumFractionDigits: isMoney(indicator) ? 2 : 0,
        }),
      group: (row: { label: string; labelEn: string }) => (language === 'en' ? row.labelEn : row.label),
    };
  }, [t, language]);
}
