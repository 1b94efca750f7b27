// The headline figures of a summary's total: stocks as of the year end, investment over the year.
import type { StatsIndicator, StatsIndicators } from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages/zh-CN';
import { useIndicatorText } from './use-indicator-text';

const TILES: { indicator: StatsIndicator; label: MessageKey }[] = [
  { indicator: 'incubators', label: 'stats.tile.incubators' },
  { indicator: 'tenantsIncubating', label: 'stats.tile.tenantsIncubating' },
  { indicator: 'graduatesCumulative', label: 'stats.tile.graduatesCumulative' },
  { indicator: 'listingsCumulative', label: 'stats.tile.listingsCumulative' },
  { indicator: 'investmentTotal', label: 'stats.tile.investmentTotal' },
  { indicator: 'incubatorInvestmentTotal', label: 'stats.tile.incubatorInvestmentTotal' },
];

export function StatsTiles({ total, year, stale }: { total: StatsIndicators; year: number; stale: boolean }) {
  const { t } = useI18n();
  const text = useIndicatorText();
  return (
    <section
      className={`kpi-grid stats-tiles${stale ? ' stats-stale' : ''}`}
      aria-label={t('stats.tilesLabel')}
      data-testid="stats-tiles"
    >
      {TILES.map(({ indicator, label }) => (
        <div key={indicator} className="kpi" data-testid={`stats-tile-${indicator}`}>
          <div className="kpi-label">{t(label, { year })}</div>
          <div className="kpi-value" data-testid={`stats-tile-${indicator}-value`}>
            {text.figure(indicator, total[indicator])}
          </div>
        </div>
      ))}
    </section>
  );
}
