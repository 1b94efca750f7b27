// The incubator's review queue: reports its tenants submitted, longest waiting first. Other
// states (returned, approved, drafts) are a filter away.
import { REPORT_STATUSES, type Report, ReportListQuery, type ReportStatus } from '@torch/shared';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useIncubatorReports } from '../api/reports';
import { IncubatorSubpage } from '../components/IncubatorSubpage';
import { ReportStatusBadge } from '../components/reports/ReportStatusBadge';
import { DataTable, type ListColumn, sortable } from '../components/table/DataTable';
import { useListParams } from '../components/use-list-params';
import { formatDateOf } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

/** `status` absent means the queue (submitted); `all` means every state. */
function statusFilter(raw: string | null): ReportStatus | undefined {
  if (raw === 'all') return undefined;
  return REPORT_STATUSES.find((s) => s === raw) ?? 'submitted';
}

export function ReviewQueuePage() {
  const { incubatorId = '' } = useParams();
  const { t } = useI18n();
  const labels = useLabels();
  const [params] = useSearchParams();
  const [query, update] = useListParams(ReportListQuery);
  const status = statusFilter(params.get('status'));
  const reports = useIncubatorReports(incubatorId, { ...query, status });
  const columns = useMemo(
    (): ListColumn<Report>[] =>
      // The queue is in the API's one order (longest waiting first): no column sorts.
      sortable(
        [],
        [
          {
            accessorKey: 'companyName',
            header: t('tenant.name'),
            enableHiding: false,
            meta: { className: 'name-cell' },
            cell: ({ row: { original: report } }) => (
              <Link to={`/reports/${report.id}`} onClick={(e) => e.stopPropagation()}>
                {report.companyName}
              </Link>
            ),
          },
          { accessorKey: 'year', header: t('report.year') },
          {
            accessorKey: 'status',
            header: t('report.status'),
            cell: ({ row }) => <ReportStatusBadge status={row.original.status} />,
          },
          {
            accessorKey: 'submittedAt',
            header: t('report.submittedAt'),
            meta: { nowrap: true },
            cell: ({ row }) => formatDateOf(row.original.submittedAt),
          },
          {
            id: 'flags',
            accessorFn: (report) => report.flags.length,
            header: t('report.flags'),
            cell: ({ row: { original: report } }) =>
              report.flags.length > 0 ? (
                <span className="badge badge-overdue" data-testid="review-flag-count">
                  {t('report.flagCount', { count: report.flags.length })}
                </span>
              ) : (
                '—'
              ),
          },
        ],
      ),
    [t],
  );

  return (
    <IncubatorSubpage incubatorId={incubatorId} title={t('review.heading')}>
      {() => (
        <section className="panel">
          <div className="filters">
            <select
              aria-label={t('review.filterStatus')}
              value={status ?? 'all'}
              onChange={(e) =>
                update({ status: e.target.value === 'submitted' ? undefined : e.target.value })
              }
              data-testid="review-status-filter"
            >
              {REPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labels.reportStatus(s)}
                </option>
              ))}
              <option value="all">{t('review.allStatuses')}</option>
            </select>
          </div>
          <DataTable
            name="review-table"
            columns={columns}
            list={reports}
            query={query}
            onChange={update}
            rowHref={(report) => `/reports/${report.id}`}
            rowTestId="review-row"
            empty={status === 'submitted' ? t('review.queueEmpty') : t('review.none')}
          />
        </section>
      )}
    </IncubatorSubpage>
  );
}
