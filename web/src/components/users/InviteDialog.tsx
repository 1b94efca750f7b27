// Invite someone: name, email and — for the roles that need one — where they belong. The place
// may be fixed by the page (a tenant's page invites that company's users). The link shows once.
import { type InvitationCreate, type InvitationCreated, PROVINCES, type Role } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/errors';
import { useInvite } from '../../api/users';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { Dialog } from '../Dialog';
import { FormField } from '../form/FormField';
import { apiErrors, type FieldErrors } from './field-errors';
import { IncubatorPicker } from './IncubatorPicker';
import { OneTimeLink } from './OneTimeLink';

interface Props {
  roles: Role[];
  /** Fixed by the page: `tenantId` for a company's users, `incubatorId` for co-managers. */
  place?: { tenantId?: string; incubatorId?: string };
  onClose(): void;
}

export function InviteDialog({ roles, place = {}, onClose }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const invite = useInvite();
  const [role, setRole] = useState<Role>(roles[0]!);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [provinceCode, setProvinceCode] = useState(PROVINCES[0]!.code);
  const [incubatorId, setIncubatorId] = useState(place.incubatorId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [link, setLink] = useState<InvitationCreated | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: InvitationCreate = {
      role,
      name: name.trim(),
      email: email.trim().toLowerCase(),
      ...(role === 'province' ? { provinceCode } : {}),
      ...(role === 'incubator_manager' && incubatorId ? { incubatorId } : {}),
      ...(role === 'tenant' && place.tenantId ? { tenantId: place.tenantId } : {}),
    };
    const missing: FieldErrors = {};
    if (!body.name) missing.name = t('problem.required');
    if (!body.email) missing.email = t('problem.required');
    if (role === 'incubator_manager' && !incubatorId) missing.incubatorId = t('problem.required');
    setErrors(missing);
    if (Object.keys(missing).length) return;
    invite.mutate(body, {
      onSuccess: setLink,
      onError: (error) => setErrors(isApiError(error) ? apiErrors(error, t) : {}),
    });
  };

  return (
    <Dialog title={t('invite.dialogTitle')} testId="invite-dialog" onClose={onClose}>
      {link ? (
        <>
          <OneTimeLink link={link} />
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              onClick={onClose}
              data-testid="invite-done"
            >
              {t('invite.done')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          {roles.length > 1 && (
            <FormField name="role" label={t('invite.role')}>
              {(control) => (
                <select {...control} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {labels.role(r)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          <FormField name="name" label={t('invite.name')} error={errors.name} required>
            {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} />}
          </FormField>
          <FormField name="email" label={t('invite.email')} error={errors.email} required>
            {(control) => (
              <input {...control} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </FormField>
          {role === 'province' && (
            <FormField name="provinceCode" label={t('invite.province')} error={errors.provinceCode}>
              {(control) => (
                <select {...control} value={provinceCode} onChange={(e) => setProvinceCode(e.target.value)}>
                  {PROVINCES.map((p) => (
                    <option key={p.code} value={p.code}>
                      {labels.nameOf(p)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          )}
          {role === 'incubator_manager' && !place.incubatorId && (
            <IncubatorPicker value={incubatorId} onChange={setIncubatorId} error={errors.incubatorId} />
          )}
          {invite.isError && !Object.keys(errors).length && (
            <div className="alert alert-error" role="alert">
              {t('state.apiError', { status: isApiError(invite.error) ? invite.error.status : 0 })}
            </div>
          )}
          <div className="form-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={invite.isPending}
              data-testid="invite-submit"
            >
              {t('invite.submit')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
