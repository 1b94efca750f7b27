import type { TenantStatus } from '@torch/shared';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

export function StatusBadge({ status }: { status: TenantStatus }) {
  const labels = useLabels();
  return <span className={`badge badge-${status}`}>{labels.status(status)}</span>;
}

/** Still incubating after the incubation limit (48 or 60 months). */
export function OverdueBadge() {
  const { t } = useI18n();
  return (
    <span className="badge badge-overdue" title={t('tenant.overdueHint')} data-testid="overdue-badge">
      {t('tenant.overdue')}
    </span>
  );
}
