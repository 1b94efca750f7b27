// A tenant user's home: its own company, whose tabs hold its timeline, money, listings and
// the yearly reports it files (TenantDetail).
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
