// An incubator at a glance: KPI tiles, then what needs attention, each leading to its list.
import type { IncubatorDashboard as Dashboard } from '@torch/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useIncubatorDashboard } from '../../api/dashboard';
import { formatCount, formatDateOf, formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { QueryState } from '../states';

interface Props {
  incubatorId: string;
  /** Its manager reviews reports; others only see the count. */
  canReview: boolean;
}

export function IncubatorDashboard({ incubatorId, canReview }: Props) {
  const { t, language } = useI18n();
  const dashboard = useIncubatorDashboard(incubatorId);

  return (
    <QueryState query={dashboard}>
      {(data) => {
        const { kpis, year } = data;
        return (
          <section className="dashboard" aria-label={t('dashboard.heading')} data-testid="dashboard">
            <div className="kpi-grid">
              <Kpi
                testId="kpi-incubating"
                label={t('dashboard.incubating')}
                value={formatCount(kpis.incubating, language)}
              />
              <Kpi
                testId="kpi-graduated"
                label={t('dashboard.graduated')}
                value={formatCount(kpis.graduated, language)}
              />
              <Kpi
                testId="kpi-listed"
                label={t('dashboard.listed')}
                value={formatCount(kpis.listed, language)}
              />
              <Kpi
                testId="kpi-investment"
                label={t('dashboard.investmentThisYear', { year })}
                value={formatMoney(kpis.investmentThisYear, language)}
                note={t('dashboard.ofWhichIncubatorFund', {
                  amount: formatMoney(kpis.incubatorInvestmentThisYear, language),
                })}
              />
            </div>
            <AttentionFlags incubatorId={incubatorId} flags={data.flags} canReview={canReview} />
          </section>
        );
      }}
    </QueryState>
  );
}

function Kpi({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: string;
  note?: string;
  testId: string;
}) {
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value" data-testid={`${testId}-value`}>
        {value}
      </div>
      {note && <div className="kpi-note">{note}</div>}
    </div>
  );
}

/** Bring the tenants table (below on the same page) into view once its filter changed. */
const scrollToTenants = () =>
  requestAnimationFrame(() => document.getElementById('tenants-heading')?.scrollIntoView());

function AttentionFlags({
  incubatorId,
  flags,
  canReview,
}: {
  incubatorId: string;
  flags: Dashboard['flags'];
  canReview: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="flag-grid">
      <FlagCard
        testId="flag-overdue"
        title={t('dashboard.overdue')}
        count={flags.overdue.count}
        action={
          <Link
            to={`/incubators/${incubatorId}?overdue=true`}
            onClick={scrollToTenants}
            data-testid="flag-overdue-link"
          >
            {t('dashboard.showInList')}
          </Link>
        }
      >
        {flags.overdue.items.map((item) => (
          <li key={item.id}>
            <Link to={`/tenants/${item.id}`}>{item.name}</Link>
            <span className="muted"> · {t('dashboard.endedOn', { date: item.incubationEndsOn })}</span>
          </li>
        ))}
      </FlagCard>
      <FlagCard
        testId="flag-exceptions"
        title={t('dashboard.admissionExceptions')}
        count={flags.admissionExceptions.count}
      >
        {flags.admissionExceptions.items.map((item) => (
          <li key={item.id}>
            <Link to={`/tenants/${item.id}`}>{item.name}</Link>
            <span className="muted"> · {item.admittedOn}</span>
            {item.reason && <div className="flag-reason">{item.reason}</div>}
          </li>
        ))}
      </FlagCard>
      <FlagCard
        testId="flag-pending-changes"
        title={t('dashboard.pendingChanges')}
        count={flags.pendingChanges.count}
      >
        {flags.pendingChanges.items.map((item) => (
          <li key={item.id}>
            <Link to={`/tenants/${item.id}`}>{item.name}</Link>
            <span className="muted"> · {formatDateOf(item.since)}</span>
          </li>
        ))}
      </FlagCard>
      <FlagCard
        testId="flag-reviews"
        title={t('dashboard.pendingReviews')}
        count={flags.pendingReviews.count}
        action={
          canReview && (
            <Link to={`/incubators/${incubatorId}/reviews`} data-testid="flag-reviews-link">
              {t('dashboard.goReview')}
            </Link>
          )
        }
      />
    </div>
  );
}

interface FlagCardProps {
  title: string;
  count: number;
  testId: string;
  action?: ReactNode;
  children?: ReactNode;
}

function FlagCard({ title, count, testId, action, children }: FlagCardProps) {
  const { t } = useI18n();
  const listed = Array.isArray(children) ? children.length : 0;
  return (
    <div className={`flag-card${count > 0 ? ' flag-card-on' : ''}`} data-testid={testId}>
      <div className="flag-card-header">
        <span className="flag-count" data-testid={`${testId}-count`}>
          {count}
        </span>
        <span className="flag-title">{title}</span>
        {count > 0 && action && <span className="flag-action">{action}</span>}
      </div>
      {count === 0 ? (
        <p className="muted flag-none">{t('dashboard.none')}</p>
      ) : (
        listed > 0 && (
          <ul className="flag-items">
            {children}
            {count > listed && <li className="muted">{t('dashboard.andMore', { more: count - listed })}</li>}
          </ul>
        )
      )}
    </div>
  );
}
