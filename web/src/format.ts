// Every number the dashboard prints goes through here. Money is stored as integer yuan and shown
// in 万元 (10,000 yuan) as the Torch forms do; English readers get compact CNY amounts.
import { todayInChina } from '@torch/shared';
import type { Language } from './i18n/I18nProvider';

export const YUAN_PER_WAN = 10_000;

const locale = (language: Language) => (language === 'en' ? 'en-US' : 'zh-CN');

/** "3,000.00 万元" (zh) or "CNY 30M" (en). */
export function formatMoney(yuan: number, language: Language): string {
  if (language === 'en') {
    return new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'CNY',
      currencyDisplay: 'code',
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 2,
    }).format(yuan);
  }
  return `${formatWan(yuan, language)} 万元`;
}

/** The number of 万元 in an amount, two decimals: 30,000,000 → "3,000.00". */
export function formatWan(yuan: number, language: Language): string {
  return (yuan / YUAN_PER_WAN).toLocaleString(locale(language), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
}

/** Whole yuan, for showing exactly what a 万元 input will store: "30,000,000 元" / "CNY 30,000,000". */
export function formatYuan(yuan: number, language: Language): string {
  const digits = yuan.toLocaleString(locale(language), { maximumFractionDigits: 0 });
  return language === 'en' ? `CNY ${digits}` : `${digits} 元`;
}

/** A 万元 amount typed by a person, as integer yuan (NaN when it is not a number). */
export function wanToYuan(input: string): number {
  const text = input.replace(/,/g, '').trim();
  return text === '' ? Number.NaN : Math.round(Number(text) * YUAN_PER_WAN);
}

/** The inverse of wanToYuan for filling a form: 1,234,567 yuan → "123.4567". */
export function yuanToWanInput(yuan: number): string {
  return String(yuan / YUAN_PER_WAN);
}

export function formatArea(squareMetres: number, language: Language): string {
  return `${squareMetres.toLocaleString(locale(language), { maximumFractionDigits: 2 })} m²`;
}

export function formatCount(n: number, language: Language): string {
  return n.toLocaleString(locale(language));
}

/** The civil date in China of an API timestamp (when a report was submitted, say). */
export function formatDateOf(timestamp: string | null): string {
  return timestamp ? todayInChina(new Date(timestamp)) : '—';
}
