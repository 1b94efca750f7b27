// Change one's own password: every other session of the account ends.
import { PasswordChangeBody } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../api/errors';
import { useChangePassword } from '../api/users';
import { FormField } from '../components/form/FormField';
import { apiErrors, type FieldErrors, schemaErrors } from '../components/users/field-errors';
import { useI18n } from '../i18n/I18nProvider';

export function PasswordPage() {
  const { t } = useI18n();
  const change = useChangePassword();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const parsed = PasswordChangeBody.safeParse(input);
    if (!parsed.success) return setErrors(schemaErrors(parsed.error.issues, input, t));
    if (values.confirm !== values.newPassword) return setErrors({ confirm: t('problem.passwords_differ') });
    setErrors({});
    change.mutate(parsed.data, {
      onSuccess: () => setValues({ currentPassword: '', newPassword: '', confirm: '' }),
      onError: (error) => setErrors(isApiError(error) ? apiErrors(error, t) : {}),
    });
  };

  const field = (key: keyof typeof values, label: string, autoComplete: string, hint?: string) => (
    <FormField name={key} label={label} error={errors[key]} hint={hint} required>
      {(control) => (
        <input
          {...control}
          type="password"
          autoComplete={autoComplete}
          value={values[key]}
          onChange={set(key)}
        />
      )}
    </FormField>
  );

  return (
    <>
      <div className="page-header">
        <h1>{t('password.heading')}</h1>
      </div>
      <form className="form card" onSubmit={onSubmit} noValidate>
        {change.isSuccess && (
          <div className="alert alert-success" role="status" data-testid="flash">
            {t('password.done')}
          </div>
        )}
        {field('currentPassword', t('password.current'), 'current-password')}
        {field('newPassword', t('password.new'), 'new-password', t('accept.passwordHint'))}
        {field('confirm', t('password.confirm'), 'new-password')}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={change.isPending}
            data-testid="password-submit"
          >
            {t('password.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
