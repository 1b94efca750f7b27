// The reviewers' page of annual returns: completeness by province (the Torch Center) or by
// incubator (a province, or the Torch Center drilled into one), and the queue of returns to act on.
import { RETURN_STATUSES, type ReturnStatus } from '@torch/shared';
import { Link, useSearchParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useCompleteness, useReturnQueue } from '../api/returns';
import { EmptyState, QueryState } from '../components/states';
import { formatDateOf } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { lastFullYear } from './stats/stats-view';
import '../styles/returns.css';

const TALLIES = ['expected', 'submitted', 'approved', 'accepted', 'onTime'] as const;

export function ReturnsQueuePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? lastFullYear());
  const province = me.role === 'national' ? (params.get('province') ?? undefined) : undefined;
  const rawStatus = params.get('status');
  const status = RETURN_STATUSES.find((s) => s === rawStatus);
  const completeness = useCompleteness(year, province);
  const queue = useReturnQueue({ year, status, province });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v === undefined ? next.delete(k) : next.set(k, v);
    setParams(next);
  };
  const byIncubator = me.role === 'province' || province !== undefined;
  const years = Array.from({ length: 12 }, (_, i) => lastFullYear() - i);

  return (
    <>
      <div className="page-header">
        <h1>{t('returns.queue.heading')}</h1>
      </div>
      <section className="panel filters">
        <label className="inline-label">
          <span>{t('returns.queue.year')}</span>
          <select value={year} onChange={(e) => set({ year: e.target.value })} data-testid="returns-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          <span>{t('returns.queue.status')}</span>
          <select
            value={status ?? ''}
            onChange={(e) => set({ status: e.target.value || undefined })}
            data-testid="returns-status"
          >
            <option value="">{t('returns.queue.all')}</option>
            {RETURN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`returns.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {province && (
          <button type="button" className="button" onClick={() => set({ province: undefined })}>
            {t('returns.completeness.back')}
          </button>
        )}
      </section>
      <section className="panel">
        <h2>{t('returns.completeness.heading')}</h2>
        <QueryState query={completeness}>
          {(c) => (
            <table className="table" data-testid="completeness-table">
              <thead>
                <tr>
                  <th scope="col">
                    {byIncubator ? t('returns.queue.incubator') : t('returns.queue.province')}
                  </th>
                  {TALLIES.map((k) => (
                    <th key={k} scope="col">
                      {t(`returns.completeness.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {c.rows.map((row) => (
                  <tr key={row.key} data-testid="completeness-row">
                    <th scope="row">
                      {byIncubator ? (
                        <Link to={`/incubators/${row.key}/returns/${year}`}>{row.label}</Link>
                      ) : (
                        <Link to={`?year=${year}&province=${row.key}`}>{row.label}</Link>
                      )}
                      {byIncubator && (
                        <span className="muted">
                          {' '}
                          · {t(`returns.status.${(row.status ?? 'none') as ReturnStatus | 'none'}`)}
                        </span>
                      )}
                    </th>
                    {TALLIES.map((k) => (
                      <td key={k}>{row[k]}</td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">{t('returns.completeness.total')}</th>
                  {TALLIES.map((k) => (
                    <td key={k} data-testid={`completeness-total-${k}`}>
                      {c[k]}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          )}
        </QueryState>
      </section>
      <section className="panel">
        <QueryState query={queue}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState message={t('returns.queue.empty')} />
            ) : (
              <table className="table" data-testid="returns-queue">
                <thead>
                  <tr>
                    <th scope="col">{t('returns.queue.incubator')}</th>
                    <th scope="col">{t('returns.queue.status')}</th>
                    <th scope="col">{t('returns.queue.submittedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((item) => (
                    <tr key={item.incubatorId} data-testid="returns-queue-row">
                      <td>
                        <Link to={`/incubators/${item.incubatorId}/returns/${year}`}>
                          {item.incubatorName}
                        </Link>
                      </td>
                      <td>{t(`returns.status.${item.status}`)}</td>
                      <td>
                        {formatDateOf(item.submittedAt)}
                        {item.submittedAt && ` · ${item.onTime ? t('returns.onTime') : t('returns.late')}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </QueryState>
      </section>
    </>
  );
}
