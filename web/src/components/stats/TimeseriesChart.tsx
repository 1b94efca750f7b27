// The chosen indicator year by year (as of each Dec 31) from the first incubator to the chosen year,
// within the same scope and source as the rest of the page.
import { STATS_FIRST_YEAR, type StatsIndicator, type StatsSource } from '@torch/shared';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useStatsTimeseries } from '../../api/stats';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryState } from '../states';
import { OfficialUnavailable } from './OfficialUnavailable';
import { isMoney, useIndicatorText } from './use-indicator-text';

interface Props {
  indicator: StatsIndicator;
  to: number;
  source: StatsSource;
  province: string | undefined;
}

export function TimeseriesChart({ indicator, to, source, province }: Props) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const series = useStatsTimeseries({ from: STATS_FIRST_YEAR, to, indicator, source, province });

  return (
    <section className="panel" aria-labelledby="stats-timeseries-heading" data-testid="stats-timeseries">
      <div className="panel-header">
        <h2 id="stats-timeseries-heading">
          {t('stats.timeseries.heading', { indicator: text.name(indicator), from: STATS_FIRST_YEAR, to })}
        </h2>
      </div>
      <QueryState query={series}>
        {(data) =>
          !data.available ? (
            <OfficialUnavailable reason={data.reason} compact />
          ) : (
            <div className={series.isPlaceholderData ? 'stats-stale' : undefined}>
              <ResponsiveContainer width="100%" height={280}>
                <LineChart
                  data={data.total.map((point) => ({
                    year: point.year,
                    value: point.value === null ? null : text.plotted(indicator, point.value),
                  }))}
                  margin={{ top: 8, right: 24, bottom: 4, left: 8 }}
                >
                  <CartesianGrid stroke="#e3e7ee" />
                  <XAxis dataKey="year" tick={{ fontSize: 12 }} minTickGap={16} />
                  <YAxis
                    allowDecimals={isMoney(indicator)}
                    tickFormatter={(value: number) => text.tick(indicator, value)}
                    tick={{ fontSize: 12 }}
                    width={80}
                  />
                  <Tooltip
                    formatter={(value) => [text.tick(indicator, Number(value)), text.heading(indicator)]}
                    labelFormatter={(year) => t('stats.timeseries.year', { year: String(year) })}
                  />
                  <Line
                    type="linear"
                    dataKey="value"
                    stroke="#c8102e"
                    strokeWidth={2}
                    dot={false}
                    isAnimationActive={false}
                  />
                </LineChart>
              </ResponsiveContainer>
            </div>
          )
        }
      </QueryState>
    </section>
  );
}
