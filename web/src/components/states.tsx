// Loading, error and empty states look the same everywhere.
import { isApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="state state-loading" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = isApiError(error, 404)
    ? t('state.notFound')
    : isApiError(error, 403)
      ? t('state.forbidden')
      : isApiError(error)
        ? t('state.apiError', { status: error.status })
        : t('state.networkError');
  return (
    <div className="state state-error" role="alert" data-testid="error-state">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ message }: { message: string }) {
  return (
    <div className="state state-empty" data-testid="empty-state">
      {message}
    </div>
  );
}
