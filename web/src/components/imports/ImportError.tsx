// Why a file was refused, in the reader's language: the problem's code, not the server's English.
import { isApiError } from '../../api/errors';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorState } from '../states';

export function ImportError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!isApiError(error) || ![400, 413, 422].includes(error.status)) return <ErrorState error={error} />;
  const code = error.errors[0]?.message ?? '';
  const text =
    error.status === 413
      ? t('import.error.tooLarge')
      : code.startsWith('too_many_rows')
        ? t('import.error.tooManyRows', { limit: code.split(':')[1] ?? '' })
        : code === 'no_header_row'
          ? t('import.error.noHeader')
          : code === 'empty_file' || code === 'no_rows'
            ? t('import.error.empty')
            : code === 'import_invalid'
              ? t('import.fixAndRetry')
              : t('import.error.notSpreadsheet');
  return (
    <div className="alert alert-error" role="alert" data-testid="import-error">
      {text}
    </div>
  );
}
