// Record that a tenant left: when, why, and a note. Checked with ExitBody and the shared checkExit.
import { checkExit, EXIT_REASONS, ExitBody, type Tenant, todayInChina } from '@torch/shared';
import { useExit } from '../../api/lifecycle';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { Dialog } from '../Dialog';
import { given, text } from '../form/body';
import { DateField } from '../form/DateField';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';

const FIELDS = ['exitedOn', 'reason', 'note'] as const;
type ExitValues = Record<(typeof FIELDS)[number], string>;

interface Props {
  tenant: Tenant;
  onClose(): void;
  onDone(): void;
}

export function ExitDialog({ tenant, onClose, onDone }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const exit = useExit(tenant.id);
  const today = todayInChina();
  const form = useSchemaForm({
    schema: ExitBody,
    defaultValues: { exitedOn: today, reason: '', note: '' } as ExitValues,
    toBody: (values: ExitValues) =>
      given({ exitedOn: values.exitedOn, reason: text(values.reason), note: text(values.note) }),
    rules: (_, values) => {
      const check = checkExit(tenant, values.exitedOn, today);
      return !check.ok && check.code === 'before_admission'
        ? [{ path: 'exitedOn', message: 'before_admission' }]
        : [];
    },
  });

  const onSubmit = form.handleSubmit((body) =>
    exit.mutate(body, { onSuccess: onDone, onError: (error) => form.refusedBy(error) }),
  );

  return (
    <Dialog title={t('exit.heading', { name: tenant.name })} testId="exit-dialog" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert form={form} shownFields={FIELDS} />
        <DateField
          label={t('exit.exitedOn')}
          field={form.register('exitedOn')}
          error={form.errorOf('exitedOn')}
          required
          min={tenant.admittedOn}
          max={today}
        />
        <FormField name="reason" label={t('exit.reason')} error={form.errorOf('reason')} required>
          {(control) => (
            <select {...control} {...form.register('reason')}>
              <option value="">{t('form.choose')}</option>
              {EXIT_REASONS.map((code) => (
                <option key={code} value={code}>
                  {labels.exitReason(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="note" label={t('exit.note')} error={form.errorOf('note')}>
          {(control) => <textarea {...control} rows={3} {...form.register('note')} />}
        </FormField>
        <FormActions
          pending={exit.isPending}
          submitLabel={t('exit.confirm')}
          submitTestId="exit-confirm"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
