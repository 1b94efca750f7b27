// Edit a tenant with the version it was read at. Sends only what changed among the fields this
// caller may write, checked first with TenantPatch (the schema the API validates with).
import { TENANT_MANAGED_FIELDS, TENANT_PROFILE_FIELDS, type Tenant, TenantPatch } from '@torch/shared';
import { useState } from 'react';
import { isApiError } from '../../api/errors';
import { usePatchTenant } from '../../api/tenants';
import { useI18n } from '../../i18n/I18nProvider';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { useSchemaForm } from '../form/use-schema-form';
import {
  type EditableField,
  exceptionReasonProblems,
  patchChanges,
  type TenantValues,
  valuesOfTenant,
} from './draft';
import { ManagedFields } from './ManagedFields';
import { ProfileFields } from './ProfileFields';

interface Props {
  tenant: Tenant;
  /** Managers edit the verified fields too; the company itself only its profile. */
  canEditManaged: boolean;
  onSaved(): void;
  onCancel(): void;
  onReload(): void;
}

export function TenantEditForm({ tenant, canEditManaged, onSaved, onCancel, onReload }: Props) {
  const { t } = useI18n();
  const patch = usePatchTenant(tenant.id);
  const [stale, setStale] = useState(false);
  const fields: readonly EditableField[] = canEditManaged
    ? [...TENANT_PROFILE_FIELDS, ...TENANT_MANAGED_FIELDS]
    : TENANT_PROFILE_FIELDS;
  const form = useSchemaForm({
    schema: TenantPatch,
    defaultValues: valuesOfTenant(tenant),
    toBody: (values: TenantValues) => ({ version: tenant.version, ...patchChanges(values, tenant, fields) }),
    rules: (_, values) => (canEditManaged ? exceptionReasonProblems(values) : []),
  });

  const onSubmit = form.handleSubmit((body) => {
    setStale(false);
    if (Object.keys(body).length === 1) {
      form.setError('root.server', { type: 'client', message: t('edit.noChanges') });
      return;
    }
    patch.mutate(body, {
      onSuccess: onSaved,
      onError: (error) => {
        if (isApiError(error) && error.isStaleVersion) setStale(true);
        else form.refusedBy(error, isApiError(error, 403) ? t('edit.forbiddenFields') : undefined);
      },
    });
  });

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="tenant-edit-form">
      <h2>{t('edit.heading')}</h2>
      {stale && (
        <div className="alert alert-warning" role="alert" data-testid="stale-alert">
          <span>{t('edit.stale')}</span>
          <button type="button" className="button button-small" onClick={onReload} data-testid="stale-reload">
            {t('edit.reload')}
          </button>
        </div>
      )}
      <FormAlert form={form} shownFields={fields} />
      <div className="form-grid">
        <ProfileFields form={form} />
        {canEditManaged && <ManagedFields form={form} />}
      </div>
      <FormActions pending={patch.isPending} submitTestId="edit-submit" onCancel={onCancel} />
    </form>
  );
}
