// A tenant user's home: its own company. Reports, timeline and statistics will sit beside it.
import { useCurrentUser } from '../api/auth';
import { EmptyState } from '../components/states';
import { TenantDetail } from '../components/TenantDetail';
import { useI18n } from '../i18n/I18nProvider';

export function CompanyPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  if (!me.tenantId) return <EmptyState message={t('company.none')} />;
  return <TenantDetail tenantId={me.tenantId} />;
}
