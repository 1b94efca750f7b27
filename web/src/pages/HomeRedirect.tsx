// "/" sends each role to where its work is.
import { Navigate } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { EmptyState } from '../components/states';
import { useI18n } from '../i18n/I18nProvider';

export function HomeRedirect() {
  const me = useCurrentUser();
  const { t } = useI18n();
  switch (me.role) {
    case 'national':
    case 'province':
      return <Navigate to="/incubators" replace />;
    case 'incubator_manager': {
      const first = me.incubatorIds[0];
      return first ? (
        <Navigate to={`/incubators/${first}`} replace />
      ) : (
        <EmptyState message={t('home.noIncubator')} />
      );
    }
    case 'tenant':
      return <Navigate to="/company" replace />;
  }
}
