// The official source counts accepted annual returns only. When there are none the API says so
// (available: false) and sends no numbers; the page says so too instead of showing zeros.
import type { StatsSummary } from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';

export function OfficialUnavailable({
  reason,
  compact = false,
}: {
  reason: StatsSummary['reason'];
  compact?: boolean;
}) {
  const { t } = useI18n();
  const message =
    reason === 'no_accepted_returns'
      ? t('stats.official.noAcceptedReturns')
      : t('stats.official.unavailable');
  return (
    <div
      className={`stats-unavailable${compact ? ' stats-unavailable-compact' : ''}`}
      role="status"
      data-testid={compact ? 'stats-timeseries-unavailable' : 'stats-official-unavailable'}
    >
      <strong>{t('stats.official.heading')}</strong>
      <p>{message}</p>
      {!compact && <p className="muted">{t('stats.official.hint')}</p>}
    </div>
  );
}
