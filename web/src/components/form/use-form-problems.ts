// The two ways a form is refused, in one place: by the shared schema before sending ("fix the
// marked fields"), or by the API after (its problem+json field errors, "see below").
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import { useI18n } from '../../i18n/I18nProvider';
import { apiFieldErrors, type FieldErrors } from './problems';

export function useFormProblems() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  return {
    errors,
    failure,
    setErrors,
    setFailure,
    clear() {
      setErrors({});
      setFailure(null);
    },
    /** The schema or a shared rule refused the input: nothing was sent. */
    refused(found: FieldErrors) {
      setErrors(found);
      setFailure(t('form.fixErrors'));
    },
    /** The API refused it; `message` overrides the general "saving failed" for known cases. */
    failed(error: unknown, message?: string) {
      setErrors(isApiError(error) ? apiFieldErrors(error, t) : {});
      setFailure(message ?? t('form.saveFailed'));
    },
  };
}
