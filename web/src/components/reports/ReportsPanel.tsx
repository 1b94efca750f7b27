// A company's yearly reports with their review history. The company itself starts, edits and
// submits them here; its incubator's manager opens submitted ones for review.
import { type Report, type Tenant, todayInChina, yearOf } from '@torch/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTenantTimeline } from '../../api/dashboard';
import { useTenantReports } from '../../api/reports';
import { formatDateOf } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages/zh-CN';
import { Flash } from '../Flash';
import { QueryState } from '../states';
import { RecordTable } from '../table/RecordTable';
import { type EditorOutcome, ReportEditor } from './ReportEditor';
import { ReportFiguresView } from './ReportFiguresView';
import { ReportStatusBadge } from './ReportStatusBadge';
import { ReviewHistory } from './ReviewHistory';

const EDITABLE = new Set(['draft', 'returned']);

/** Years with no report yet, newest first: from this year back to the year the company was founded. */
function openYearsOf(tenant: Tenant, reports: readonly Report[]): number[] {
  const taken = new Set(reports.map((r) => r.year));
  const last = yearOf(tenant.exitedOn ?? todayInChina());
  const years: number[] = [];
  for (let y = last; y >= yearOf(tenant.foundedOn); y--) if (!taken.has(y)) years.push(y);
  return years;
}

type Open = { mode: 'new' } | { mode: 'edit' | 'view'; id: string } | null;

interface Props {
  tenant: Tenant;
  /** The company's own user: starts, edits and submits. */
  canWrite: boolean;
  /** The incubator's manager: opens submitted reports in the review page. */
  canReview: boolean;
}

export function ReportsPanel({ tenant, canWrite, canReview }: Props) {
  const { t } = useI18n();
  const reports = useTenantReports(tenant.id);
  const timeline = useTenantTimeline(tenant.id);
  const [open, setOpen] = useState<Open>(null);
  const [flash, setFlash] = useState<MessageKey | null>(null);
  const [latest, setLatest] = useState<Report | null>(null);

  return (
    <QueryState query={reports}>
      {(data) => {
        // The answer of the last save is newer than the list until the list has been fetched again.
        const listed = data.items;
        const items =
          latest && !listed.some((r) => r.id === latest.id)
            ? [latest, ...listed]
            : listed.map((r) => (latest && latest.id === r.id && latest.version >= r.version ? latest : r));
        const openYears = openYearsOf(tenant, items);
        const selected = open && open.mode !== 'new' ? items.find((r) => r.id === open.id) : undefined;

        const show = (next: Open) => {
          setOpen(next);
          setFlash(null);
        };
        const onDone = (report: Report, outcome: EditorOutcome) => {
          setLatest(report);
          setFlash(outcome === 'submitted' ? 'report.submittedFlash' : 'report.savedFlash');
          setOpen(outcome === 'submitted' ? { mode: 'view', id: report.id } : null);
        };

        return (
          <>
            <Flash message={flash && t(flash)} />
            {open?.mode === 'new' && (
              <ReportEditor
                tenant={tenant}
                openYears={openYears}
                onDone={onDone}
                onCancel={() => show(null)}
              />
            )}
            {open?.mode === 'edit' && selected && (
              <ReportEditor
                key={selected.id}
                tenant={tenant}
                report={selected}
                openYears={openYears}
                onDone={onDone}
                onCancel={() => show(null)}
              />
            )}
            {open?.mode === 'view' && selected && (
              <section className="panel" aria-labelledby="report-view-heading" data-testid="report-view">
                <div className="panel-header">
                  <h2 id="report-view-heading">{t('report.viewHeading', { year: selected.year })}</h2>
                  <ReportStatusBadge status={selected.status} />
                </div>
                {selected.reviewComment && (
                  <p className="review-comment">
                    {t('report.reviewComment', { comment: selected.reviewComment })}
                  </p>
                )}
                <ReportFiguresView report={selected} />
              </section>
            )}
            <section className="panel" aria-labelledby="reports-heading">
              <div className="panel-header">
                <h2 id="reports-heading">{t('report.heading')}</h2>
                {canWrite && open?.mode !== 'new' && openYears.length > 0 && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => show({ mode: 'new' })}
                    data-testid="new-report"
                  >
                    {t('report.new')}
                  </button>
                )}
              </div>
              <RecordTable
                testId="reports-table"
                headers={[
                  { label: t('report.year') },
                  { label: t('report.status') },
                  { label: t('report.submittedAt') },
                  { label: t('report.reviewedAt') },
                  { label: t('report.comment') },
                  { label: t('report.flags') },
                  { label: t('report.actions'), hidden: true },
                ]}
                empty={t('report.none')}
                count={items.length}
              >
                {items.map((report) => (
                  <tr key={report.id} data-testid="report-row" data-year={report.year}>
                    <td className="nowrap">{report.year}</td>
                    <td>
                      <ReportStatusBadge status={report.status} />
                    </td>
                    <td className="nowrap">{formatDateOf(report.submittedAt)}</td>
                    <td className="nowrap">{formatDateOf(report.reviewedAt)}</td>
                    <td data-testid="report-comment">
                      <ReviewHistory report={report} events={timeline.data?.events} />
                    </td>
                    <td>
                      {report.flags.length > 0 ? (
                        <span className="badge badge-overdue">
                          {t('report.flagCount', { count: report.flags.length })}
                        </span>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td className="row-actions">
                      {canWrite && EDITABLE.has(report.status) ? (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => show({ mode: 'edit', id: report.id })}
                          data-testid="edit-report"
                        >
                          {t('action.edit')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => show({ mode: 'view', id: report.id })}
                          data-testid="view-report"
                        >
                          {t('report.view')}
                        </button>
                      )}
                      {canReview && report.status === 'submitted' && (
                        <Link
                          to={`/reports/${report.id}`}
                          className="button button-small"
                          data-testid="review-report"
                        >
                          {t('review.open')}
                        </Link>
                      )}
                    </td>
                  </tr>
                ))}
              </RecordTable>
            </section>
          </>
        );
      }}
    </QueryState>
  );
}
