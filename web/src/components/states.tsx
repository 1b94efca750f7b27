// Loading, error and empty states look the same everywhere.
import type React from 'react';
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

/**
 * A query's three states in one place: a spinner while pending, the error with a retry button,
 * and `children(data)` once it has answered. Every page reads its queries through this.
 */
export function QueryState<T>({
  query,
  children,
  label,
}: {
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: T | undefined;
    refetch: () => unknown;
  };
  children: (data: T) => React.ReactNode;
  label?: string;
}) {
  if (query.isPending) return <Loading label={label} />;
  if (query.isError || query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
