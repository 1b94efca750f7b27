// Record that a tenant left: when, why, and a note. Checked with ExitBody and the shared checkExit.
import {
  checkExit,
  EXIT_REASONS,
  ExitBody,
  type FieldProblem,
  type Tenant,
  todayInChina,
} from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { useExit } from '../../api/lifecycle';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { Dialog } from '../Dialog';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useFormProblems } from '../form/use-form-problems';
import { checkForm } from '../form/validate';

const FIELDS = ['exitedOn', 'reason', 'note'];

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
  const [exitedOn, setExitedOn] = useState(today);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const problems = useFormProblems();
  const { errors } = problems;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: Record<string, unknown> = {
      exitedOn,
      reason: reason || undefined,
      note: note.trim() || undefined,
    };
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    const check = checkExit(tenant, exitedOn, today);
    const ruleProblems: FieldProblem[] =
      !check.ok && check.code === 'before_admission'
        ? [{ path: 'exitedOn', message: 'before_admission' }]
        : [];
    const checked = checkForm(ExitBody, body, t, ruleProblems);
    if (!checked.ok) return problems.refused(checked.errors);
    problems.clear();
    exit.mutate(checked.data, { onSuccess: onDone, onError: (error) => problems.failed(error) });
  };

  return (
    <Dialog title={t('exit.heading', { name: tenant.name })} testId="exit-dialog" onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        {problems.failure && <FormAlert message={problems.failure} errors={errors} shownFields={FIELDS} />}
        <FormField name="exitedOn" label={t('exit.exitedOn')} error={errors.exitedOn} required>
          {(control) => (
            <input
              {...control}
              type="date"
              min={tenant.admittedOn}
              max={today}
              value={exitedOn}
              onChange={(e) => setExitedOn(e.target.value)}
            />
          )}
        </FormField>
        <FormField name="reason" label={t('exit.reason')} error={errors.reason} required>
          {(control) => (
            <select {...control} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{t('form.choose')}</option>
              {EXIT_REASONS.map((code) => (
                <option key={code} value={code}>
                  {labels.exitReason(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="note" label={t('exit.note')} error={errors.note}>
          {(control) => (
            <textarea {...control} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
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
