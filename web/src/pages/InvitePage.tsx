// /invite/<token>: who invites whom to what; the person sets a password and is signed in.
// Also the page of a password reset link (the same one-time mechanism).
import { InvitationAccept } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/errors';
import { useAcceptInvitation, useInvitationPreview } from '../api/users';
import { FormField } from '../components/form/FormField';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Loading } from '../components/states';
import { apiErrors, type FieldErrors, schemaErrors } from '../components/users/field-errors';
import { ROLE_LABELS } from '../i18n/enum-labels';
import { useI18n } from '../i18n/I18nProvider';

export function InvitePage() {
  const { token = '' } = useParams();
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = { password };
    const parsed = InvitationAccept.safeParse(input);
    if (!parsed.success) return setErrors(schemaErrors(parsed.error.issues, input, t));
    if (confirm !== password) return setErrors({ confirm: t('problem.passwords_differ') });
    setErrors({});
    accept.mutate(parsed.data, {
      onSuccess: () => navigate('/', { replace: true }),
      onError: (error) => setErrors(isApiError(error) ? apiErrors(error, t) : {}),
    });
  };

  const body = () => {
    if (preview.isPending) return <Loading />;
    if (preview.isError) {
      return (
        <div className="alert alert-error" role="alert" data-testid="invite-gone">
          <p>{isApiError(preview.error, 404) ? t('accept.unknown') : t('accept.gone')}</p>
          <Link to="/sign-in">{t('accept.toSignIn')}</Link>
        </div>
      );
    }
    const link = preview.data;
    const role = ROLE_LABELS[link.role][language === 'en' ? 'en' : 'zh'];
    return (
      <form className="form" onSubmit={onSubmit} noValidate>
        <p data-testid="invite-summary">
          {link.kind === 'reset'
            ? t('accept.reset', { email: link.email })
            : t('accept.invited', {
                inviter: link.invitedBy ?? t('accept.torchCenter'),
                email: link.email,
                role,
                organisation: link.organisation ?? t('accept.platform'),
              })}
        </p>
        <p className="muted">{t('accept.expires', { date: link.expiresAt.slice(0, 10) })}</p>
        <FormField
          name="password"
          label={t('accept.password')}
          error={errors.password}
          hint={t('accept.passwordHint')}
          required
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField name="confirm" label={t('accept.confirm')} error={errors.confirm} required>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </FormField>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={accept.isPending}
          data-testid="accept-submit"
        >
          {t('accept.submit')}
        </button>
      </form>
    );
  };

  return (
    <div className="sign-in">
      <div className="sign-in-lang">
        <LanguageSwitch />
      </div>
      <div className="card sign-in-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          {t('app.name')}
        </div>
        <h1>{t('accept.heading')}</h1>
        {body()}
      </div>
    </div>
  );
}
