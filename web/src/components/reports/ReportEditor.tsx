// The company fills in a year's report: a new draft (choosing the year) or its draft or returned
// report. Checked with the shared schemas (ReportCreate, ReportFigures, ReportPatch) before
// anything is sent; "submit" saves the changes first, then submits.
import {
  type Figures,
  figureProblems,
  type Report,
  ReportCreate,
  ReportFigures,
  ReportPatch,
  type Tenant,
  todayInChina,
  yearOf,
} from '@torch/shared';
import { isApiError } from '../../api/errors';
import { useCreateReport, usePatchReport, useReportTransition } from '../../api/reports';
import { useI18n } from '../../i18n/I18nProvider';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';
import { changedFigures, draftFromReport, emptyFigureDraft, figureValues, type ReportValues } from './draft';
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
  const form = useSchemaForm({
    // A new report is checked as the POST takes it; a stored one as the whole year's figures.
    schema: report ? ReportFigures : ReportCreate,
    defaultValues: {
      year: String(report?.year ?? defaultYear(openYears)),
      ...(report ? draftFromReport(report) : emptyFigureDraft()),
    } as ReportValues,
    toBody: (values: ReportValues) => ({ year: Number(values.year), ...figureValues(values) }),
    rules: (_, values) => figureProblems(figureValues(values)),
  });
  const busy = create.isPending || patch.isPending || transition.isPending;

  /** Saves what changed (creating the draft if need be). */
  const save = async (checked: ReportCreate): Promise<Report> => {
    if (!report) return create.mutateAsync(checked);
    const changes = changedFigures(checked as Figures, report);
    if (Object.keys(changes).length === 0) return report;
    return patch.mutateAsync(ReportPatch.parse({ version: report.version, ...changes }));
  };

  const run = (outcome: EditorOutcome) =>
    form.handleSubmit(async (checked) => {
      try {
        const saved = await save(checked);
        const done =
          outcome === 'submitted' ? await transition.mutateAsync({ id: saved.id, action: 'submit' }) : saved;
        onDone(done, outcome);
      } catch (error) {
        form.refusedBy(
          error,
          isApiError(error) && error.isStaleVersion
            ? t('report.stale')
            : isApiError(error, 409) && !report
              ? t('report.yearTaken')
              : undefined,
        );
      }
    });

  return (
    <form className="panel form" onSubmit={run('saved')} noValidate data-testid="report-form">
      <h2>{report ? t('report.editHeading', { year: report.year }) : t('report.newHeading')}</h2>
      {report?.status === 'returned' && report.reviewComment && (
        <div className="alert alert-warning" data-testid="report-return-comment">
          {t('report.returnedWith', { comment: report.reviewComment })}
        </div>
      )}
      <FormAlert form={form} shownFields={FIELDS} />
      <p className="muted">{t('report.formHint')}</p>
      {!report && (
        <div className="form-grid">
          <FormField name="year" label={t('report.year')} error={form.errorOf('year')} required>
            {(control) => (
              <select {...control} {...form.register('year')}>
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
      <ReportFiguresForm form={form} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="report-save">
          {busy ? t('form.saving') : t('report.saveDraft')}
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={run('submitted')}
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
