// Live and official figures side by side, each labelled, with the as-of date and what the official
// figures cover (accepted returns of the expected ones).
import { useStatsSummary } from '../../api/stats';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryState } from '../states';
import { MAIN_INDICATORS, useIndicatorText } from './use-indicator-text';

export function SourceComparison({ year, province }: { year: number; province: string | undefined }) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const live = useStatsSummary({ year, source: 'live', groupBy: 'province', province });
  const official = useStatsSummary({ year, source: 'official', groupBy: 'province', province });
  return (
    <section className="panel" data-testid="stats-compare">
      <h2>{t('stats.compare.heading')}</h2>
      <QueryState query={live}>
        {(l) => (
          <QueryState query={official}>
            {(o) => (
              <>
                <p className="muted" data-testid="stats-compare-caption">
                  {t('stats.compare.caption', {
                    date: l.asOf,
                    accepted: o.coverage?.accepted ?? 0,
                    expected: o.coverage?.expected ?? 0,
                  })}
                </p>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('stats.compare.indicator')}</th>
                      <th scope="col">{t('stats.sourceName.live')}</th>
                      <th scope="col">{t('stats.sourceName.official')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {MAIN_INDICATORS.map((k) => (
                      <tr key={k} data-testid={`stats-compare-${k}`}>
                        <th scope="row">{text.heading(k)}</th>
                        <td data-testid="compare-live">{text.cell(k, l.total?.[k] ?? null)}</td>
                        <td data-testid="compare-official">
                          {o.total ? text.cell(k, o.total[k]) : t('stats.compare.none')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </QueryState>
        )}
      </QueryState>
    </section>
  );
}
