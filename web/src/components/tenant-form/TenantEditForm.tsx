// Edit a tenant with the version it was read at. Sends only what changed among the fields this
// caller may write, checked first with TenantPatch (the schema the API validates with).
import { TENANT_MANAGED_FIELDS, TENANT_PROFILE_FIELDS, type Tenant, TenantPatch } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/errors';
import { usePatchTenant } from '../../api/tenants';
import { useI18n } from '../../i18n/I18nProvider';
import { FormAlert } from '../form/FormAlert';
import { apiFieldErrors, type FieldErrors, issuesToFieldErrors, problemText } from '../form/problems';
import {
  draftFromTenant,
  type EditableField,
  missingExceptionReason,
  patchChanges,
  type TenantDraft,
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

type Failure = { kind: 'stale' } | { kind: 'message'; text: string };

export function TenantEditForm({ tenant, canEditManaged, onSaved, onCancel, onReload }: Props) {
  const { t } = useI18n();
  const patch = usePatchTenant(tenant.id);
  const [draft, setDraft] = useState<TenantDraft>(() => draftFromTenant(tenant));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);

  const fields: readonly EditableField[] = canEditManaged
    ? [...TENANT_PROFILE_FIELDS, ...TENANT_MANAGED_FIELDS]
    : TENANT_PROFILE_FIELDS;
  const change = (changes: Partial<TenantDraft>) => setDraft((d) => ({ ...d, ...changes }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const changes = patchChanges(draft, tenant, fields);
    if (Object.keys(changes).length === 0) {
      setErrors({});
      setFailure({ kind: 'message', text: t('edit.noChanges') });
      return;
    }
    const body = { version: tenant.version, ...changes };
    const parsed = TenantPatch.safeParse(body);
    const found: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, body, t);
    if (canEditManaged && missingExceptionReason(draft) && !found.admissionExceptionReason) {
      found.admissionExceptionReason = problemText('admission_window_exceeded', t);
    }
    setErrors(found);
    if (!parsed.success || Object.keys(found).length) {
      setFailure({ kind: 'message', text: t('form.fixErrors') });
      return;
    }
    patch.mutate(parsed.data, {
      onSuccess: onSaved,
      onError: (error) => {
        if (isApiError(error) && error.isStaleVersion) {
          setFailure({ kind: 'stale' });
          return;
        }
        setErrors(isApiError(error) ? apiFieldErrors(error, t) : {});
        setFailure({
          kind: 'message',
          text: isApiError(error, 403) ? t('edit.forbiddenFields') : t('form.saveFailed'),
        });
      },
    });
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="tenant-edit-form">
      <h2>{t('edit.heading')}</h2>
      {failure?.kind === 'stale' && (
        <div className="alert alert-warning" role="alert" data-testid="stale-alert">
          <span>{t('edit.stale')}</span>
          <button type="button" className="button button-small" onClick={onReload} data-testid="stale-reload">
            {t('edit.reload')}
          </button>
        </div>
      )}
      {failure?.kind === 'message' && (
        <FormAlert message={failure.text} errors={errors} shownFields={fields} />
      )}
      <div className="form-grid">
        <ProfileFields draft={draft} errors={errors} onChange={change} />
        {canEditManaged && <ManagedFields draft={draft} errors={errors} onChange={change} />}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={patch.isPending}
          data-testid="edit-submit"
        >
          {patch.isPending ? t('form.saving') : t('action.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
