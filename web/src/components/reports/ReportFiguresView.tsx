// A report's figures read-only, the ones flagged for a tenfold jump marked beside their value.
import type { Report } from '@torch/shared';
import { formatCount, formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FIGURE_GROUPS, MONEY_FIGURES } from './draft';
import { ReportFlags } from './ReportFlags';

export function ReportFiguresView({ report }: { report: Report }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const flagged = new Set<string>(report.flags.map((f) => f.field));
  return (
    <>
      <ReportFlags report={report} />
      <div className="figure-columns" data-testid="report-figures">
        {FIGURE_GROUPS.map((group) => (
          <table key={group.heading} className="table figure-table">
            <caption>{t(group.heading)}</caption>
            <tbody>
              {group.fields.map((field) => (
                <tr
                  key={field}
                  className={flagged.has(field) ? 'row-flagged' : undefined}
                  data-testid={`figure-${field}`}
                >
                  <th scope="row">{labels.figure(field)}</th>
                  <td className="numeric">
                    {MONEY_FIGURES.has(field)
                      ? formatMoney(report[field], language)
                      : formatCount(report[field], language)}
                    {flagged.has(field) && (
                      <span className="badge badge-overdue flag-mark" title={t('flags.jumpHint')}>
                        {t('flags.jump10')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </>
  );
}
