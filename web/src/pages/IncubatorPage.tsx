// One incubator: its dashboard (KPI tiles, what needs attention) and its tenants. Its manager
// admits tenants from here and reaches mentors and the review queue; others read only.
import type { Incubator } from '@torch/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useIncubator, useIncubators } from '../api/incubators';
import { IncubatorDashboard } from '../components/dashboard/IncubatorDashboard';
import { FactGrid } from '../components/FactGrid';
import { ExportButtons } from '../components/imports/ExportButtons';
import { managesIncubator } from '../components/permissions';
import { ReturnReminders } from '../components/returns/ReturnReminders';
import { QueryState } from '../components/states';
import { StatsTrail } from '../components/stats/StatsTrail';
import { TenantsTable } from '../components/TenantsTable';
import { formatArea, formatCount, formatMoney } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

export function IncubatorPage() {
  const { incubatorId = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const incubator = useIncubator(incubatorId);
  const manages = managesIncubator(me, incubatorId);

  return (
    <QueryState query={incubator}>
      {(data) => (
        <>
          <div className="page-header">
            <div>
              <StatsTrail province={data.provinceCode} incubator={data.name} />
              <h1 data-testid="incubator-name">{data.name}</h1>
              {data.nameEn && <p className="muted">{data.nameEn}</p>}
            </div>
            <div className="page-actions">
              {me.role === 'incubator_manager' && me.incubatorIds.length > 1 && (
                <IncubatorPicker current={incubatorId} />
              )}
              <Link to={`/incubators/${incubatorId}/mentors`} className="button" data-testid="open-mentors">
                {t('mentor.heading')}
              </Link>
              {manages && (
                <Link to={`/incubators/${incubatorId}/reviews`} className="button" data-testid="open-reviews">
                  {t('review.heading')}
                </Link>
              )}
              <ExportButtons incubatorId={incubatorId} />
              {manages && (
                <Link to={`/incubators/${incubatorId}/import`} className="button" data-testid="open-import">
                  {t('import.open')}
                </Link>
              )}
              {manages ? (
                <Link
                  to={`/incubators/${incubatorId}/admit`}
                  className="button button-primary"
                  data-testid="admit-tenant"
                >
                  {t('tenants.admit')}
                </Link>
              ) : (
                <span className="badge badge-muted">{t('incubator.readOnly')}</span>
              )}
            </div>
          </div>
          {manages && <ReturnReminders incubatorId={incubatorId} />}
          <IncubatorDashboard key={incubatorId} incubatorId={incubatorId} canReview={manages} />
          <IncubatorFacts incubator={data} />
          <TenantsTable incubatorId={incubatorId} />
        </>
      )}
    </QueryState>
  );
}

function IncubatorFacts({ incubator }: { incubator: Incubator }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const facts: [string, string][] = [
    [t('incubator.province'), `${labels.province(incubator.provinceCode)} · ${incubator.city}`],
    [t('incubator.type'), labels.incubatorType(incubator.type)],
    [t('incubator.level'), labels.level(incubator.level)],
    [t('incubator.legalNature'), labels.legalNature(incubator.legalNature)],
    [t('incubator.foundedOn'), incubator.foundedOn],
    [t('incubator.totalArea'), formatArea(incubator.totalArea, language)],
    [t('incubator.tenantArea'), formatArea(incubator.tenantArea, language)],
    [t('incubator.fundSize'), formatMoney(incubator.fundSize, language)],
    [t('incubator.staffCount'), formatCount(incubator.staffCount, language)],
    [t('incubator.tenantsIncubating'), formatCount(incubator.tenantsIncubating, language)],
  ];
  return <FactGrid label={t('incubator.facts')} facts={facts} />;
}

/** A manager of several incubators switches between them. */
function IncubatorPicker({ current }: { current: string }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const mine = useIncubators({ pageSize: 200 });
  return (
    <select
      aria-label={t('incubator.pick')}
      value={current}
      onChange={(e) => navigate(`/incubators/${e.target.value}`)}
      data-testid="incubator-picker"
    >
      {(mine.data?.items ?? []).map((incubator) => (
        <option key={incubator.id} value={incubator.id}>
          {language === 'en' && incubator.nameEn ? incubator.nameEn : incubator.name}
        </option>
      ))}
    </select>
  );
}
