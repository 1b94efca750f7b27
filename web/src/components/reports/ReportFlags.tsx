// Year-on-year jumps of more than tenfold since last year's approved report: for a reviewer's
// second look, never a reason to refuse (SPEC §4).
import type { Report } from '@torch/shared';
import { formatCount, formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { MONEY_FIGURES } from './draft';

export function ReportFlags({ report }: { report: Report }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  if (report.flags.length === 0) return null;
  return (
    <div className="alert alert-warning flag-list" role="note" data-testid="report-flags">
      <strong>{t('flags.heading', { count: report.flags.length })}</strong>
      <ul>
        {report.flags.map((flag) => {
          const show = (value: number) =>
            MONEY_FIGURES.has(flag.field) ? formatMoney(value, language) : formatCount(value, language);
          return (
            <li key={flag.field} data-testid="report-flag">
              {t('flags.jump', {
                figure: labels.figure(flag.field),
                previous: show(flag.previous),
                current: show(flag.current),
                ratio: flag.ratio.toLocaleString(language === 'en' ? 'en-US' : 'zh-CN', {
                  maximumFractionDigits: 2,
                }),
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
