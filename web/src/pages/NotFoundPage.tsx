import { Link } from 'react-router';
import { useI18n } from '../i18n/I18nProvider';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <div className="not-found" data-testid="not-found">
      <h1>404</h1>
      <p>{t('notFound.message')}</p>
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
