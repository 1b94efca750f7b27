// A form's footer: its submit button (showing progress) and a way out.
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  pending: boolean;
  submitLabel?: string;
  submitTestId: string;
  onCancel(): void;
  /** More buttons between the two (a second way to submit). */
  children?: ReactNode;
}

export function FormActions({ pending, submitLabel, submitTestId, onCancel, children }: Props) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="button button-primary" disabled={pending} data-testid={submitTestId}>
        {pending ? t('form.saving') : (submitLabel ?? t('action.save'))}
      </button>
      {children}
      <button type="button" className="button" onClick={onCancel}>
        {t('action.cancel')}
      </button>
    </div>
  );
}
