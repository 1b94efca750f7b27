// A mentor takes on one of the incubator's incubating tenants from a date. Checked with
// MentoringCreate; the API refuses a start before admission or a pair that already exists.
import { MentoringCreate, type MentorWithTenants, todayInChina } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { useAssignMentor } from '../../api/mentors';
import { useIncubatorTenants } from '../../api/tenants';
import { useI18n } from '../../i18n/I18nProvider';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useFormProblems } from '../form/use-form-problems';
import { checkForm } from '../form/validate';

interface Props {
  incubatorId: string;
  mentor: MentorWithTenants;
  onSaved(): void;
  onCancel(): void;
}

export function AssignMentorForm({ incubatorId, mentor, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const assign = useAssignMentor(mentor.id);
  const candidates = useIncubatorTenants(incubatorId, { status: 'incubating', pageSize: 200, sort: 'name' });
  const [tenantId, setTenantId] = useState('');
  const [startedOn, setStartedOn] = useState(todayInChina());
  const problems = useFormProblems();
  const { errors } = problems;

  const already = new Set(mentor.tenants.map((m) => m.tenantId));
  const options = (candidates.data?.items ?? []).filter((tenant) => !already.has(tenant.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = { startedOn };
    if (tenantId) input.tenantId = tenantId;
    const checked = checkForm(MentoringCreate, input, t);
    if (!checked.ok) return problems.refused(checked.errors);
    problems.clear();
    assign.mutate(checked.data, { onSuccess: onSaved, onError: (error) => problems.failed(error) });
  };

  return (
    <form className="form assign-form" onSubmit={onSubmit} noValidate data-testid="assign-form">
      {problems.failure && (
        <FormAlert message={problems.failure} errors={errors} shownFields={['tenantId', 'startedOn']} />
      )}
      <div className="form-grid">
        <FormField name="tenantId" label={t('mentor.tenant')} error={errors.tenantId} required>
          {(control) => (
            <select {...control} value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {options.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="startedOn" label={t('mentor.startedOn')} error={errors.startedOn} required>
          {(control) => (
            <input
              {...control}
              type="date"
              max={todayInChina()}
              value={startedOn}
              onChange={(e) => setStartedOn(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormActions
        pending={assign.isPending}
        submitLabel={t('mentor.assign')}
        submitTestId="assign-submit"
        onCancel={onCancel}
      />
    </form>
  );
}
