// The page's choices: which year, which source (always labelled), which indicator to chart.
import {
  STATS_FIRST_YEAR,
  STATS_INDICATORS,
  STATS_SOURCES,
  type StatsIndicator,
  type StatsSource,
} from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { useIndicatorText } from './use-indicator-text';

interface Props {
  year: number;
  lastYear: number;
  source: StatsSource;
  indicator: StatsIndicator;
  onYear(year: number): void;
  onSource(source: StatsSource): void;
  onIndicator(indicator: StatsIndicator): void;
}

export function StatsControls({ year, lastYear, source, indicator, onYear, onSource, onIndicator }: Props) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const years = Array.from({ length: lastYear - STATS_FIRST_YEAR + 1 }, (_, i) => lastYear - i);

  return (
    <section className="panel stats-controls" aria-label={t('stats.controls')}>
      <label className="inline-label">
        <span>{t('stats.year')}</span>
        <select value={year} onChange={(e) => onYear(Number(e.target.value))} data-testid="stats-year">
          {years.map((y) => (
            <option key={y} value={y}>
              {t('stats.yearOption', { year: y })}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="inline-label stats-source">
        <legend className="visually-hidden">{t('stats.source')}</legend>
        <span aria-hidden="true">{t('stats.source')}</span>
        <span className="segmented">
          {STATS_SOURCES.map((choice) => (
            <button
              key={choice}
              type="button"
              aria-pressed={source === choice}
              className={source === choice ? 'active' : ''}
              onClick={() => onSource(choice)}
              title={t(`stats.sourceHint.${choice}`)}
              data-testid={`stats-source-${choice}`}
            >
              {t(`stats.sourceName.${choice}`)}
            </button>
          ))}
        </span>
      </fieldset>
      <label className="inline-label">
        <span>{t('stats.indicator')}</span>
        <select
          value={indicator}
          onChange={(e) => onIndicator(e.target.value as StatsIndicator)}
          data-testid="stats-indicator"
        >
          {STATS_INDICATORS.map((k) => (
            <option key={k} value={k}>
              {text.heading(k)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
