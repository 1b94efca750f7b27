// Add a mentor to the incubator. Checked with MentorCreate before sending.
import { MentorCreate } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { useAddMentor } from '../../api/mentors';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages/zh-CN';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useFormProblems } from '../form/use-form-problems';
import { checkForm } from '../form/validate';

const FIELDS = ['name', 'title', 'expertise', 'email', 'phone'] as const;
type MentorDraft = Record<(typeof FIELDS)[number], string>;

const LABELS: Record<keyof MentorDraft, MessageKey> = {
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
  const [draft, setDraft] = useState<MentorDraft>({
    name: '',
    title: '',
    expertise: '',
    email: '',
    phone: '',
  });
  const problems = useFormProblems();
  const { errors } = problems;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Blank optional fields are not given, rather than given empty.
    const input = Object.fromEntries(
      Object.entries(draft)
        .map(([key, value]) => [key, value.trim()])
        .filter(([, value]) => value !== ''),
    );
    const checked = checkForm(MentorCreate, input, t);
    if (!checked.ok) return problems.refused(checked.errors);
    problems.clear();
    add.mutate(checked.data, { onSuccess: onSaved, onError: (error) => problems.failed(error) });
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="mentor-form">
      <h2>{t('mentor.addHeading')}</h2>
      {problems.failure && <FormAlert message={problems.failure} errors={errors} shownFields={FIELDS} />}
      <div className="form-grid">
        {FIELDS.map((field) => (
          <FormField
            key={field}
            name={field}
            label={t(LABELS[field])}
            error={errors[field]}
            required={field === 'name'}
          >
            {(control) =>
              field === 'expertise' ? (
                <textarea
                  {...control}
                  rows={2}
                  value={draft[field]}
                  onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
                />
              ) : (
                <input
                  {...control}
                  type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                  value={draft[field]}
                  onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
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
