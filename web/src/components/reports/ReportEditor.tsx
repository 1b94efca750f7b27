// The company fills in a year's report: a new draft (choosing the year) or its draft or returned
// report. Checked with the shared schemas (ReportCreate, ReportFigures, ReportPatch) before
// anything is sent; "submit" saves the changes first, then submits.
import {
  type FigureField,
  figureProblems,
  type Report,
  ReportCreate,
  ReportFigures,
  ReportPatch,
  type Tenant,
  todayInChina,
  yearOf,
} from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/errors';
import { useCreateReport, usePatchReport, useReportTransition } from '../../api/reports';
import { useI18n } from '../../i18n/I18nProvider';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useFormProblems } from '../form/use-form-problems';
import { checkForm } from '../form/validate';
import { changedFigures, draftFromReport, emptyFigureDraft, type FigureDraft, figureValues } from './draft';
import { ReportFiguresForm } from './ReportFiguresForm';

const FIELDS = ['year', ...Object.keys(emptyFigureDraft())];

/** Usually the year that just ended: its figures are known now. */
function defaultYear(openYears: number[]): number | string {
  const lastYear = yearOf(todayInChina()) - 1;
  return openYears.includes(lastYear) ? lastYear : (openYears[0] ?? '');
}

export type EditorOutcome = 'saved' | 'submitted';

interface Props {
  tenant: Tenant;
  /** The draft or returned report to edit; absent for a new one. */
  report?: Report;
  /** Years the company may still open a report for (newest first). */
  openYears: number[];
  onDone(report: Report, outcome: EditorOutcome): void;
  onCancel(): void;
}

export function ReportEditor({ tenant, report, openYears, onDone, onCancel }: Props) {
  const { t } = useI18n();
  const create = useCreateReport(tenant.id);
  const patch = usePatchReport(report?.id ?? '');
  const transition = useReportTransition();
  const [year, setYear] = useState(() => String(report?.year ?? defaultYear(openYears)));
  const [draft, setDraft] = useState<FigureDraft>(() =>
    report ? draftFromReport(report) : emptyFigureDraft(),
  );
  const problems = useFormProblems();
  const { errors } = problems;
  const busy = create.isPending || patch.isPending || transition.isPending;

  const change = (field: FigureField, text: string) => setDraft((d) => ({ ...d, [field]: text }));

  /** Saves what changed (creating the draft if need be); null when the figures were refused. */
  const save = async (): Promise<Report | null> => {
    const values = figureValues(draft);
    const whole = { year: Number(year), ...values };
    const checked = checkForm(report ? ReportFigures : ReportCreate, whole, t, figureProblems(values));
    if (!checked.ok) {
      problems.refused(checked.errors);
      return null;
    }
    if (!report) return create.mutateAsync(checked.data);
    const changes = changedFigures(values, report);
    if (Object.keys(changes).length === 0) return report;
    const body = ReportPatch.parse({ version: report.version, ...changes });
    return patch.mutateAsync(body);
  };

  const run = async (outcome: EditorOutcome) => {
    problems.clear();
    try {
      const saved = await save();
      if (!saved) return;
      const done =
        outcome === 'submitted' ? await transition.mutateAsync({ id: saved.id, action: 'submit' }) : saved;
      onDone(done, outcome);
    } catch (error) {
      problems.failed(
        error,
        isApiError(error) && error.isStaleVersion
          ? t('report.stale')
          : isApiError(error, 409) && !report
            ? t('report.yearTaken')
            : undefined,
      );
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run('saved');
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="report-form">
      <h2>{report ? t('report.editHeading', { year: report.year }) : t('report.newHeading')}</h2>
      {report?.status === 'returned' && report.reviewComment && (
        <div className="alert alert-warning" data-testid="report-return-comment">
          {t('report.returnedWith', { comment: report.reviewComment })}
        </div>
      )}
      {problems.failure && <FormAlert message={problems.failure} errors={errors} shownFields={FIELDS} />}
      <p className="muted">{t('report.formHint')}</p>
      {!report && (
        <div className="form-grid">
          <FormField name="year" label={t('report.year')} error={errors.year} required>
            {(control) => (
              <select {...control} value={year} onChange={(e) => setYear(e.target.value)}>
                {openYears.map((y) => (
                  <option key={y} value={y}>
                    {t('report.yearOption', { year: y })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        </div>
      )}
      <ReportFiguresForm draft={draft} errors={errors} onChange={change} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="report-save">
          {busy ? t('form.saving') : t('report.saveDraft')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void run('submitted')}
          data-testid="report-submit"
        >
          {t('report.submit')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}
