// Graduate a tenant: first what the records prove for the chosen date (each criterion and why),
// then the manager's pick. A pick the records do not prove needs an evidence note and is stored
// as unverified (shared checkGraduation); the API checks the same again.
import {
  checkGraduation,
  GRADUATION_EVIDENCE_MIN_LENGTH,
  GraduationBody,
  type GraduationCriterion,
  type Tenant,
  todayInChina,
} from '@torch/shared';
import { useGraduate, useGraduationEligibility } from '../../api/lifecycle';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { Dialog } from '../Dialog';
import { text } from '../form/body';
import { DateField } from '../form/DateField';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FieldGroup, FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';
import { QueryState } from '../states';
import { eligibilityText } from './eligibility-text';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELDS = ['graduatedOn', 'criteria', 'evidence'];

/** checkGraduation's refusals, on the field a person fixes (the others the API reports itself). */
const REFUSAL_FIELD: Partial<Record<string, string>> = {
  evidence_required: 'evidence',
  before_admission: 'graduatedOn',
  no_criteria: 'criteria',
};

interface GraduationValues {
  graduatedOn: string;
  /** Untouched (null), the pick is what the records prove; the first click makes it the manager's own. */
  criteria: GraduationCriterion[] | null;
  evidence: string;
}

interface Props {
  tenant: Tenant;
  onClose(): void;
  onDone(): void;
}

export function GraduationDialog({ tenant, onClose, onDone }: Props) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const graduate = useGraduate(tenant.id);
  const today = todayInChina();
  const form = useSchemaForm({
    schema: GraduationBody,
    defaultValues: { graduatedOn: today, criteria: null, evidence: '' } as GraduationValues,
    toBody: (values: GraduationValues) => {
      const criteria = values.criteria ?? provenCriteria;
      const unclaimed = criteria.some((c) => !proven.has(c));
      return {
        graduatedOn: values.graduatedOn,
        criteria,
        evidence: unclaimed ? text(values.evidence) : undefined,
      };
    },
    rules: (body) => {
      const check = checkGraduation({
        admittedOn: tenant.admittedOn,
        status: tenant.status,
        graduatedOn: String(body.graduatedOn),
        claimed: body.criteria as GraduationCriterion[],
        evidence: body.evidence as string | undefined,
        eligibility: results,
      });
      const field = check.ok ? undefined : REFUSAL_FIELD[check.code];
      return !check.ok && field ? [{ path: field, message: check.code }] : [];
    },
  });
  const graduatedOn = form.watch('graduatedOn');
  const asOf = ISO_DATE.test(graduatedOn) ? graduatedOn : today;
  const eligibility = useGraduationEligibility(tenant.id, asOf);

  const results = eligibility.data?.criteria ?? [];
  const provenCriteria = results.filter((r) => r.proven).map((r) => r.criterion);
  const proven = new Set(provenCriteria);
  const chosen = form.watch('criteria') ?? provenCriteria;
  const unproven = chosen.filter((c) => !proven.has(c));

  const toggle = (criterion: GraduationCriterion, on: boolean) =>
    form.setValue('criteria', on ? [...chosen, criterion] : chosen.filter((c) => c !== criterion), {
      shouldValidate: form.formState.isSubmitted,
    });

  const onSubmit = form.handleSubmit((body) =>
    graduate.mutate(body, { onSuccess: onDone, onError: (error) => form.refusedBy(error) }),
  );

  return (
    <Dialog
      title={t('graduation.heading', { name: tenant.name })}
      testId="graduation-dialog"
      onClose={onClose}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert form={form} shownFields={FIELDS} />
        <DateField
          label={t('graduation.graduatedOn')}
          field={form.register('graduatedOn')}
          error={form.errorOf('graduatedOn')}
          hint={t('graduation.dateHint')}
          required
          min={tenant.admittedOn}
          max={today}
        />
        <FieldGroup name="criteria" label={t('graduation.criteria')} error={form.errorOf('criteria')}>
          <QueryState query={eligibility}>
            {(data) => (
              <ul
                className={`criteria${eligibility.isFetching ? ' is-stale' : ''}`}
                data-testid="eligibility"
              >
                {data.criteria.map((result) => (
                  <li
                    key={result.criterion}
                    className="criterion"
                    data-testid={`criterion-${result.criterion}`}
                  >
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={chosen.includes(result.criterion)}
                        onChange={(e) => toggle(result.criterion, e.target.checked)}
                        data-testid={`pick-${result.criterion}`}
                      />
                      <span className="criterion-name">{labels.criterion(result.criterion)}</span>
                    </label>
                    <span
                      className={`badge ${result.proven ? 'badge-proven' : 'badge-unproven'}`}
                      data-testid={`criterion-${result.criterion}-proven`}
                    >
                      {result.proven ? t('graduation.proven') : t('graduation.notProven')}
                    </span>
                    <div className="criterion-reason" data-testid={`criterion-${result.criterion}-reason`}>
                      {eligibilityText(result, { t, language, exchange: labels.exchange })}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </FieldGroup>
        {unproven.length > 0 && (
          <FormField
            name="evidence"
            label={t('graduation.evidence')}
            error={form.errorOf('evidence')}
            hint={t('graduation.evidenceHint', {
              criteria: unproven.map((c) => labels.criterion(c)).join('、'),
              min: GRADUATION_EVIDENCE_MIN_LENGTH,
            })}
            required
          >
            {(control) => <textarea {...control} rows={3} {...form.register('evidence')} />}
          </FormField>
        )}
        <FormActions
          pending={graduate.isPending || eligibility.isPending}
          submitLabel={t('graduation.confirm')}
          submitTestId="graduation-confirm"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
