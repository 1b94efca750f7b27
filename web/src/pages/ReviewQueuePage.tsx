// The incubator's review queue: reports its tenants submitted, longest waiting first. Other
// states (returned, approved, drafts) are a filter away.
import { REPORT_STATUSES, ReportListQuery, type ReportStatus } from '@torch/shared';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useIncubator } from '../api/incubators';
import { useIncubatorReports } from '../api/reports';
import { Pagination } from '../components/Pagination';
import { ReportStatusBadge } from '../components/reports/ReportStatusBadge';
import { EmptyState, QueryState } from '../components/states';
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
  const navigate = useNavigate();
  const incubator = useIncubator(incubatorId);
  const [params] = useSearchParams();
  const [query, update] = useListParams(ReportListQuery);
  const status = statusFilter(params.get('status'));
  const reports = useIncubatorReports(incubatorId, { ...query, status });

  return (
    <QueryState query={incubator}>
      {(data) => {
        return (
          <>
            <div className="page-header">
              <div>
                <p className="breadcrumb">
                  <Link to={`/incubators/${incubatorId}`}>{data.name}</Link>
                </p>
                <h1>{t('review.heading')}</h1>
              </div>
            </div>
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
              <QueryState query={reports}>
                {(data) => (
                  <>
                    <div className={`table-wrap${reports.isPlaceholderData ? ' is-stale' : ''}`}>
                      <table className="table" data-testid="review-table">
                        <thead>
                          <tr>
                            <th scope="col">{t('tenant.name')}</th>
                            <th scope="col">{t('report.year')}</th>
                            <th scope="col">{t('report.status')}</th>
                            <th scope="col">{t('report.submittedAt')}</th>
                            <th scope="col">{t('report.flags')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {data.items.map((report) => (
                            <tr
                              key={report.id}
                              className="clickable"
                              onClick={() => navigate(`/reports/${report.id}`)}
                              data-testid="review-row"
                            >
                              <td className="name-cell">
                                <Link to={`/reports/${report.id}`} onClick={(e) => e.stopPropagation()}>
                                  {report.companyName}
                                </Link>
                              </td>
                              <td>{report.year}</td>
                              <td>
                                <ReportStatusBadge status={report.status} />
                              </td>
                              <td className="nowrap">{formatDateOf(report.submittedAt)}</td>
                              <td>
                                {report.flags.length > 0 ? (
                                  <span className="badge badge-overdue" data-testid="review-flag-count">
                                    {t('report.flagCount', { count: report.flags.length })}
                                  </span>
                                ) : (
                                  '—'
                                )}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {data.items.length === 0 && (
                      <EmptyState
                        message={status === 'submitted' ? t('review.queueEmpty') : t('review.none')}
                      />
                    )}
                    <Pagination
                      page={query.page}
                      pageSize={query.pageSize}
                      total={data.total}
                      onPage={(page) => update({ page })}
                      onPageSize={(pageSize) => update({ pageSize })}
                    />
                  </>
                )}
              </QueryState>
            </section>
          </>
        );
      }}
    </QueryState>
  );
}
