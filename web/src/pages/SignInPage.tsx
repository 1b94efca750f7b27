import { LoginBody } from '@torch/shared';
import { useLocation, useNavigate } from 'react-router';
import { useSignIn } from '../api/auth';
import { isApiError } from '../api/errors';
import { given, text } from '../components/form/body';
import { FormField } from '../components/form/FormField';
import { useSchemaForm } from '../components/form/use-schema-form';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n/I18nProvider';

const DEMO_EMAILS = [
  'manager.wuhan@torch.demo',
  'national@torch.demo',
  'hubei@torch.demo',
  'tenant.wuhan@torch.demo',
];

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const signIn = useSignIn();
  const form = useSchemaForm({
    schema: LoginBody,
    defaultValues: { email: '', password: '' },
    // Blank is "not given", so that an empty field reads "required" rather than "not an email".
    toBody: (values: { email: string; password: string }) =>
      given({ email: text(values.email), password: values.password || undefined }),
  });

  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const onSubmit = form.handleSubmit((body) =>
    signIn.mutate(body, { onSuccess: () => navigate(from, { replace: true }) }),
  );

  const failure = signIn.error
    ? isApiError(signIn.error, 401)
      ? t('signIn.wrong')
      : isApiError(signIn.error, 429)
        ? t('signIn.tooMany')
        : t('state.networkError')
    : null;

  return (
    <div className="sign-in">
      <div className="sign-in-lang">
        <LanguageSwitch />
      </div>
      <form className="card sign-in-card" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-heading">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          {t('app.name')}
        </div>
        <h1 id="sign-in-heading">{t('signIn.heading')}</h1>
        {failure && (
          <div className="alert alert-error" role="alert" data-testid="sign-in-error">
            {failure}
          </div>
        )}
        <FormField name="email" label={t('signIn.email')} error={form.errorOf('email')}>
          {(control) => (
            <input {...control} type="email" autoComplete="username" {...form.register('email')} />
          )}
        </FormField>
        <FormField name="password" label={t('signIn.password')} error={form.errorOf('password')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              {...form.register('password')}
            />
          )}
        </FormField>
        <button
          type="submit"
          className="button button-primary button-block"
          disabled={signIn.isPending}
          data-testid="sign-in-submit"
        >
          {signIn.isPending ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
        <p className="demo-note">
          {t('signIn.demoNote', { password: 'torch-demo-2006' })}
          <br />
          <span className="mono">{DEMO_EMAILS.join(' · ')}</span>
        </p>
      </form>
    </div>
  );
}
