// A mentor takes on one of the incubator's incubating tenants from a date. Checked with
// MentoringCreate; the API refuses a start before admission or a pair that already exists.
import { MentoringCreate, type MentorWithTenants, todayInChina } from '@torch/shared';
import { useAssignMentor } from '../../api/mentors';
import { useIncubatorTenants } from '../../api/tenants';
import { useI18n } from '../../i18n/I18nProvider';
import { given, text } from '../form/body';
import { DateField } from '../form/DateField';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';

const FIELDS = ['tenantId', 'startedOn'] as const;
type AssignValues = Record<(typeof FIELDS)[number], string>;

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
  const form = useSchemaForm({
    schema: MentoringCreate,
    defaultValues: { tenantId: '', startedOn: todayInChina() } as AssignValues,
    toBody: (values: AssignValues) =>
      given({ tenantId: text(values.tenantId), startedOn: text(values.startedOn) }),
  });

  const already = new Set(mentor.tenants.map((m) => m.tenantId));
  const options = (candidates.data?.items ?? []).filter((tenant) => !already.has(tenant.id));

  const onSubmit = form.handleSubmit((body) =>
    assign.mutate(body, { onSuccess: onSaved, onError: (error) => form.refusedBy(error) }),
  );

  return (
    <form className="form assign-form" onSubmit={onSubmit} noValidate data-testid="assign-form">
      <FormAlert form={form} shownFields={FIELDS} />
      <div className="form-grid">
        <FormField name="tenantId" label={t('mentor.tenant')} error={form.errorOf('tenantId')} required>
          {(control) => (
            <select {...control} {...form.register('tenantId')}>
              <option value="">{t('form.choose')}</option>
              {options.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <DateField
          label={t('mentor.startedOn')}
          field={form.register('startedOn')}
          error={form.errorOf('startedOn')}
          required
          max={todayInChina()}
        />
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
