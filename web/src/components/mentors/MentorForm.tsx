// Add a mentor to the incubator. Checked with MentorCreate (the route's schema) before sending.
import { MentorCreate } from '@torch/shared';
import { useAddMentor } from '../../api/mentors';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages/zh-CN';
import { given, text } from '../form/body';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';

const FIELDS = ['name', 'title', 'expertise', 'email', 'phone'] as const;
type MentorValues = Record<(typeof FIELDS)[number], string>;

const LABELS: Record<keyof MentorValues, MessageKey> = {
  name: 'mentor.name',
  title: 'mentor.title',
  expertise: 'mentor.expertise',
  email: 'mentor.email',
  phone: 'mentor.phone',
};

interface Props {
  incubatorId: string;
  onSaved(): void;
  onCancel(): void;
}

export function MentorForm({ incubatorId, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const add = useAddMentor(incubatorId);
  const form = useSchemaForm({
    schema: MentorCreate,
    defaultValues: { name: '', title: '', expertise: '', email: '', phone: '' } as MentorValues,
    // Blank optional fields are not given, rather than given empty.
    toBody: (values: MentorValues) =>
      given(Object.fromEntries(FIELDS.map((field) => [field, text(values[field])]))),
  });

  const onSubmit = form.handleSubmit((body) =>
    add.mutate(body, { onSuccess: onSaved, onError: (error) => form.refusedBy(error) }),
  );

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="mentor-form">
      <h2>{t('mentor.addHeading')}</h2>
      <FormAlert form={form} shownFields={FIELDS} />
      <div className="form-grid">
        {FIELDS.map((field) => (
          <FormField
            key={field}
            name={field}
            label={t(LABELS[field])}
            error={form.errorOf(field)}
            required={field === 'name'}
          >
            {(control) =>
              field === 'expertise' ? (
                <textarea {...control} rows={2} {...form.register(field)} />
              ) : (
                <input
                  {...control}
                  type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                  {...form.register(field)}
                />
              )
            }
          </FormField>
        ))}
      </div>
      <FormActions pending={add.isPending} submitTestId="mentor-submit" onCancel={onCancel} />
    </form>
  );
}
