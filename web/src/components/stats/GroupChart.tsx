// The chosen indicator by group as horizontal bars, largest first. Groups at zero are left out
// (a national table has 31 provinces and 55 parks); the table below still lists every group.
import type { StatsGrouping, StatsIndicator, StatsRow } from '@torch/shared';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type Language, useI18n } from '../../i18n/I18nProvider';
import { EmptyState } from '../states';
import { isMoney, useIndicatorText } from './use-indicator-text';

interface Props {
  groupBy: StatsGrouping;
  rows: StatsRow[];
  indicator: StatsIndicator;
  year: number;
}

const BAR_HEIGHT = 26;
/** Every province fits; of the 55 parks, the largest this many. */
const MAX_BARS = 31;

/** Long English park names are cut on the axis (one line per bar); the tooltip has them whole. */
const LABEL_CHARS = 34;
const shortLabel = (name: string) =>
  name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name;

/** Room for the longest group name at a 12px font (Chinese glyphs are about twice as wide). */
function labelWidth(data: { name: string }[], language: Language): number {
  const longest = Math.max(...data.map((d) => shortLabel(d.name).length));
  return Math.max(60, longest * (language === 'en' ? 7.5 : 12.5) + 24);
}

export function GroupChart({ groupBy, rows, indicator, year }: Props) {
  const { t, language } = useI18n();
  const text = useIndicatorText();

  if (groupBy === 'field' && indicator === 'incubators') {
    return <EmptyState message={t('stats.chart.incubatorsByField')} />;
  }
  const nonZero = rows
    .filter((row) => (row[indicator] ?? 0) > 0)
    .map((row) => ({
      key: row.key,
      name: text.group(row),
      value: text.plotted(indicator, row[indicator] ?? 0),
    }))
    .sort((a, b) => b.value - a.value);
  if (nonZero.length === 0) return <EmptyState message={t('stats.chart.nothing')} />;
  const data = nonZero.slice(0, MAX_BARS);

  const title = t('stats.chart.byGroup', {
    indicator: text.name(indicator),
    grouping: t(`stats.grouping.${groupBy}`),
    year,
  });
  const note =
    data.length < nonZero.length ? t('stats.chart.top', { shown: data.length, total: nonZero.length }) : '';
  return (
    <figure className="stats-chart" data-testid="stats-group-chart">
      <figcaption>
        {title}
        {note}
      </figcaption>
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * BAR_HEIGHT + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 36, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="#e3e7ee" />
          <XAxis
            type="number"
            allowDecimals={isMoney(indicator)}
            tickFormatter={(value: number) => text.tick(indicator, value)}
            tick={{ fontSize: 12 }}
          />
          <YAxis
            type="category"
            dataKey="name"
            width={labelWidth(data, language)}
            tickFormatter={shortLabel}
            interval={0}
            tick={{ fontSize: 12 }}
          />
          <Tooltip
            formatter={(value) => [text.tick(indicator, Number(value)), text.heading(indicator)]}
            cursor={{ fill: '#eef2f8' }}
          />
          <Bar dataKey="value" fill="#1d3a6e" radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
