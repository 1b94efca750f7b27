// A company's edit that would move its incubation deadline, waiting for the manager: the manager
// confirms or rejects it here; the company sees that it awaits confirmation.
import type { Tenant } from '@torch/shared';
import { useDecidePendingChange } from '../api/tenants';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

interface Props {
  tenant: Tenant & { pendingChange: NonNullable<Tenant['pendingChange']> };
  canDecide: boolean;
}

export function PendingChangeNotice({ tenant, canDecide }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const decide = useDecidePendingChange(tenant.id);
  const change = tenant.pendingChange;
  const ic = (on: boolean) => (on ? t('common.yes') : t('common.no'));
  return (
    <div className="alert alert-warning" role="status" data-testid="pending-change">
      <p>
        <strong>{canDecide ? t('pendingChange.forManager') : t('pendingChange.forCompany')}</strong>
      </p>
      <ul>
        {change.field !== tenant.field && (
          <li>
            {t('tenant.field')}: {labels.field(tenant.field)} → {labels.field(change.field)}
          </li>
        )}
        {change.integratedCircuit !== tenant.integratedCircuit && (
          <li>
            {t('tenant.integratedCircuit')}: {ic(tenant.integratedCircuit)} → {ic(change.integratedCircuit)}
          </li>
        )}
        <li data-testid="pending-change-deadline">
          {t('tenant.incubationEndsOn')}: {tenant.incubationEndsOn} → {change.incubationEndsOn}
        </li>
      </ul>
      {canDecide && (
        <div className="page-actions">
          <button
            type="button"
            className="button"
            disabled={decide.isPending}
            onClick={() => decide.mutate('reject')}
            data-testid="pending-change-reject"
          >
            {t('pendingChange.reject')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={decide.isPending}
            onClick={() => decide.mutate('confirm')}
            data-testid="pending-change-confirm"
          >
            {t('pendingChange.confirm')}
          </button>
        </div>
      )}
      {decide.error && (
        <p className="field-error" role="alert">
          {decide.error.message}
        </p>
      )}
    </div>
  );
}
