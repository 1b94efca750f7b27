// One yearly report: its figures and flags. The incubator's manager approves a submitted report
// or returns it with a comment (ReportReturnBody); everyone else in scope reads it.
import { ReportReturnBody } from '@torch/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { isApiError } from '../api/errors';
import { useReport, useReportTransition } from '../api/reports';
import { Flash } from '../components/Flash';
import { text } from '../components/form/body';
import { FormField } from '../components/form/FormField';
import { useSchemaForm } from '../components/form/use-schema-form';
import { managesIncubator } from '../components/permissions';
import { ReportFiguresView } from '../components/reports/ReportFiguresView';
import { ReportStatusBadge } from '../components/reports/ReportStatusBadge';
import { QueryState } from '../components/states';
import { formatDateOf } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/zh-CN';

export function ReportPage() {
  const { reportId = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const report = useReport(reportId);
  const review = useReportTransition();
  const form = useSchemaForm({
    schema: ReportReturnBody,
    defaultValues: { comment: '' },
    toBody: (values: { comment: string }) => ({ comment: text(values.comment) }),
  });
  const failure = form.formState.errors.root?.server?.message;
  const [flash, setFlash] = useState<MessageKey | null>(null);

  return (
    <QueryState query={report}>
      {(data) => {
        const canReview = managesIncubator(me, data.incubatorId) && data.status === 'submitted';

        const failed = (error: unknown) =>
          form.refusedBy(error, isApiError(error, 409) ? t('review.alreadyReviewed') : undefined);

        const approve = () => {
          form.clearErrors();
          review.mutate(
            { id: data.id, action: 'approve' },
            { onSuccess: () => setFlash('review.approvedFlash'), onError: failed },
          );
        };

        const sendBack = form.handleSubmit((body) =>
          review.mutate(
            { id: data.id, action: 'return', body },
            { onSuccess: () => setFlash('review.returnedFlash'), onError: failed },
          ),
        );

        return (
          <>
            <div className="page-header">
              <div>
                {me.role === 'incubator_manager' && (
                  <p className="breadcrumb">
                    <Link to={`/incubators/${data.incubatorId}/reviews`}>{t('review.heading')}</Link>
                  </p>
                )}
                <h1 data-testid="report-heading">
                  {t('review.reportTitle', { name: data.companyName, year: data.year })}
                </h1>
                <p className="muted">
                  <Link to={`/tenants/${data.tenantId}`}>{data.companyName}</Link>
                  {data.submittedAt && (
                    <span> · {t('review.submittedOn', { date: formatDateOf(data.submittedAt) })}</span>
                  )}
                </p>
              </div>
              <div className="page-actions">
                <ReportStatusBadge status={data.status} />
              </div>
            </div>
            <Flash message={flash && t(flash)} />
            {failure && (
              <div className="alert alert-error" role="alert" data-testid="form-alert">
                {failure}
              </div>
            )}
            {data.reviewComment && (
              <p className="review-comment" data-testid="review-comment">
                {t('report.reviewComment', { comment: data.reviewComment })}
              </p>
            )}
            <section className="panel" aria-label={t('review.figures')}>
              <ReportFiguresView report={data} />
            </section>
            {canReview && (
              <section className="panel review-actions" aria-labelledby="review-actions-heading">
                <h2 id="review-actions-heading">{t('review.decide')}</h2>
                <div className="review-decisions">
                  <div>
                    <p className="muted">{t('review.approveHint')}</p>
                    <button
                      type="button"
                      className="button button-primary"
                      disabled={review.isPending}
                      onClick={approve}
                      data-testid="approve-report"
                    >
                      {t('review.approve')}
                    </button>
                  </div>
                  <form className="form" onSubmit={sendBack} noValidate>
                    <FormField
                      name="comment"
                      label={t('review.comment')}
                      error={form.errorOf('comment')}
                      hint={t('review.commentHint')}
                      required
                    >
                      {(control) => <textarea {...control} rows={3} {...form.register('comment')} />}
                    </FormField>
                    <button
                      type="submit"
                      className="button"
                      disabled={review.isPending}
                      data-testid="return-report"
                    >
                      {t('review.return')}
                    </button>
                  </form>
                </div>
              </section>
            )}
          </>
        );
      }}
    </QueryState>
  );
}
