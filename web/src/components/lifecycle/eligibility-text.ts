// The graduation rule's reason codes (`investment_total_5200000`, `listed_sse_star`, …) in words.
// The numbers come from the criterion's `detail`; the code says which sentence to use.
import { type CriterionEligibility, EXCHANGES, type Exchange } from '@torch/shared';
import { formatMoney } from '../../format';
import type { Language, Translate } from '../../i18n/I18nProvider';

interface Words {
  t: Translate;
  language: Language;
  exchange(code: Exchange): string;
}

export function eligibilityText(result: CriterionEligibility, { t, language, exchange }: Words): string {
  const { reason, detail } = result;
  const money = (key: string) => formatMoney(Number(detail[key] ?? 0), language);
  const text = (key: string) => String(detail[key] ?? '');

  if (reason === 'not_certified') return t('eligibility.notCertified');
  if (reason === 'certified') return t('eligibility.certified', { date: text('certifiedOn') });
  if (reason === 'certified_after_date')
    return t('eligibility.certifiedAfter', { date: text('certifiedOn') });
  if (reason.startsWith('investment_total_')) {
    return t('eligibility.investmentTotal', { total: money('total'), threshold: money('threshold') });
  }
  if (reason === 'no_consecutive_years') return t('eligibility.noConsecutiveYears');
  if (reason.startsWith('revenue_')) {
    return t('eligibility.revenueTotal', {
      first: text('firstYear'),
      second: text('secondYear'),
      total: money('total'),
      threshold: money('threshold'),
    });
  }
  if (reason === 'no_acquisition_record') return t('eligibility.noAcquisition');
  if (reason === 'acquisition_on_record') return t('eligibility.acquiredOn', { date: text('acquiredOn') });
  if (reason === 'acquired_after_date') return t('eligibility.acquiredAfter', { date: text('acquiredOn') });
  if (reason === 'no_listing') return t('eligibility.noListing');
  const listedOn = reason.startsWith('listed_') ? reason.slice('listed_'.length) : null;
  if (listedOn && (EXCHANGES as readonly string[]).includes(listedOn)) {
    return t('eligibility.listed', { date: text('listedOn'), exchange: exchange(listedOn as Exchange) });
  }
  // A reason added to the rule later still says something rather than nothing.
  return reason;
}
