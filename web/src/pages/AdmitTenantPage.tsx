// Admit a company into the incubator. Checked with TenantCreate (the schema the API validates
// with) before sending; the API's own refusals land on the same inline errors.
import { TENANT_MANAGED_FIELDS, TENANT_PROFILE_FIELDS, TenantCreate } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { isApiError } from '../api/errors';
import { useIncubator } from '../api/incubators';
import { useAdmitTenant } from '../api/tenants';
import { FormAlert } from '../components/form/FormAlert';
import { FormField } from '../components/form/FormField';
import {
  apiFieldErrors,
  type FieldErrors,
  issuesToFieldErrors,
  problemText,
} from '../components/form/problems';
import { EmptyState, ErrorState, Loading } from '../components/states';
import {
  admitInput,
  emptyDraft,
  missingExceptionReason,
  type TenantDraft,
} from '../components/tenant-form/draft';
import { ManagedFields } from '../components/tenant-form/ManagedFields';
import { ProfileFields } from '../components/tenant-form/ProfileFields';
import { useI18n } from '../i18n/I18nProvider';

const ADMIT_FIELDS = ['uscc', ...TENANT_PROFILE_FIELDS, ...TENANT_MANAGED_FIELDS];

export function AdmitTenantPage() {
  const { incubatorId = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const incubator = useIncubator(incubatorId);
  const admit = useAdmitTenant(incubatorId);
  const [draft, setDraft] = useState<TenantDraft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  if (incubator.isPending) return <Loading />;
  if (incubator.isError) return <ErrorState error={incubator.error} />;
  if (me.role !== 'incubator_manager' || !me.incubatorIds.includes(incubatorId)) {
    return <EmptyState message={t('state.forbidden')} />;
  }

  const change = (changes: Partial<TenantDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const input = admitInput(draft);
    const parsed = TenantCreate.safeParse(input);
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, input, t);
    if (missingExceptionReason(draft) && !found.admissionExceptionReason) {
      found.admissionExceptionReason = problemText('admission_window_exceeded', t);
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length) {
      setFailure(t('form.fixErrors'));
      return;
    }
    admit.mutate(parsed.data, {
      onSuccess: (tenant) => navigate(`/tenants/${tenant.id}`, { state: { flash: 'admitted' } }),
      onError: (error) => {
        setErrors(isApiError(error) ? apiFieldErrors(error, t) : {});
        setFailure(isApiError(error) && error.status === 409 ? t('admit.conflict') : t('form.saveFailed'));
      },
    });
  };

  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={`/incubators/${incubatorId}`}>{incubator.data.name}</Link>
          </p>
          <h1>{t('admit.heading')}</h1>
        </div>
      </div>
      <form className="panel form" onSubmit={onSubmit} noValidate data-testid="admit-form">
        {failure && <FormAlert message={failure} errors={errors} shownFields={ADMIT_FIELDS} />}
        <h2 className="form-section">{t('admit.company')}</h2>
        <div className="form-grid">
          <FormField
            name="uscc"
            label={t('tenant.uscc')}
            error={errors.uscc}
            hint={t('tenant.usccHint')}
            required
          >
            {(control) => (
              <input
                {...control}
                className="mono"
                maxLength={24}
                autoComplete="off"
                value={draft.uscc}
                onChange={(e) => change({ uscc: e.target.value })}
              />
            )}
          </FormField>
          <ProfileFields draft={draft} errors={errors} onChange={change} />
        </div>
        <h2 className="form-section">{t('admit.tenancy')}</h2>
        <div className="form-grid">
          <ManagedFields draft={draft} errors={errors} onChange={change} />
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
    </>
  );
}
