// Admit a company into the incubator. Checked with TenantCreate (the schema the API validates
// with) before sending; the API's own refusals land on the same inline errors.
import { TENANT_MANAGED_FIELDS, TENANT_PROFILE_FIELDS, TenantCreate } from '@torch/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { isApiError } from '../api/errors';
import { useAdmitTenant } from '../api/tenants';
import { FormAlert } from '../components/form/FormAlert';
import { FormField } from '../components/form/FormField';
import { useSchemaForm } from '../components/form/use-schema-form';
import { IncubatorSubpage } from '../components/IncubatorSubpage';
import { EmptyState } from '../components/states';
import { admitBody, emptyTenant, exceptionReasonProblems } from '../components/tenant-form/draft';
import { ManagedFields } from '../components/tenant-form/ManagedFields';
import { ProfileFields } from '../components/tenant-form/ProfileFields';
import { useI18n } from '../i18n/I18nProvider';

const ADMIT_FIELDS = ['uscc', ...TENANT_PROFILE_FIELDS, ...TENANT_MANAGED_FIELDS];

export function AdmitTenantPage() {
  const { incubatorId = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const admit = useAdmitTenant(incubatorId);
  const form = useSchemaForm({
    schema: TenantCreate,
    defaultValues: emptyTenant(),
    toBody: admitBody,
    rules: (_, values) => exceptionReasonProblems(values),
  });

  if (me.role !== 'incubator_manager' || !me.incubatorIds.includes(incubatorId)) {
    return <EmptyState message={t('state.forbidden')} />;
  }

  const onSubmit = form.handleSubmit((body) =>
    admit.mutate(body, {
      onSuccess: (tenant) => navigate(`/tenants/${tenant.id}`, { state: { flash: 'admitted' } }),
      onError: (error) =>
        form.refusedBy(error, isApiError(error) && error.status === 409 ? t('admit.conflict') : undefined),
    }),
  );

  return (
    <IncubatorSubpage incubatorId={incubatorId} title={t('admit.heading')}>
      {() => (
        <form className="panel form" onSubmit={onSubmit} noValidate data-testid="admit-form">
          <FormAlert form={form} shownFields={ADMIT_FIELDS} />
          <h2 className="form-section">{t('admit.company')}</h2>
          <div className="form-grid">
            <FormField
              name="uscc"
              label={t('tenant.uscc')}
              error={form.errorOf('uscc')}
              hint={t('tenant.usccHint')}
              required
            >
              {(control) => (
                <input
                  {...control}
                  className="mono"
                  maxLength={24}
                  autoComplete="off"
                  {...form.register('uscc')}
                />
              )}
            </FormField>
            <ProfileFields form={form} />
          </div>
          <h2 className="form-section">{t('admit.tenancy')}</h2>
          <div className="form-grid">
            <ManagedFields form={form} />
          </div>
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={admit.isPending}
              data-testid="admit-submit"
            >
              {admit.isPending ? t('form.saving') : t('admit.submit')}
            </button>
            <Link to={`/incubators/${incubatorId}`} className="button">
              {t('action.cancel')}
            </Link>
          </div>
        </form>
      )}
    </IncubatorSubpage>
  );
}
