// National statistics (SPEC §5) for the Torch Center, a province, or a manager's own incubators
// (the API scopes every answer). The Torch Center drills nation → province → incubator page.
import type { Me, StatsRow } from '@torch/shared';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { useIncubator } from '../../api/incubators';
import { useStatsSummary } from '../../api/stats';
import { QueryState } from '../../components/states';
import { statsPathFor } from '../../components/stats/drill';
import { ExportButtons } from '../../components/stats/ExportButtons';
import { GroupingPanel } from '../../components/stats/GroupingPanel';
import { OfficialUnavailable } from '../../components/stats/OfficialUnavailable';
import { ProvinceIncubators } from '../../components/stats/ProvinceIncubators';
import { SourceComparison } from '../../components/stats/SourceComparison';
import { StatsControls } from '../../components/stats/StatsControls';
import { StatsTiles } from '../../components/stats/StatsTiles';
import { StatsTrail } from '../../components/stats/StatsTrail';
import { TimeseriesChart } from '../../components/stats/TimeseriesChart';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { lastFullYear, type StatsView, useStatsView } from './stats-view';
import '../../components/stats/stats.css';

export function StatsPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  const [view, change] = useStatsView(me);
  const [params] = useSearchParams();
  const summary = useStatsSummary({
    year: view.year,
    source: view.source,
    groupBy: view.groupBy,
    province: view.drillProvince,
  });
  const canExport = me.role === 'national' || me.role === 'province';
  const stale = summary.isPlaceholderData;

  const drillTo =
    me.role === 'national' && view.level === 'nation' && summary.data?.groupBy === 'province'
      ? (row: StatsRow) => statsPathFor(params, row.key)
      : undefined;

  return (
    <>
      <div className="page-header">
        <div>
          <StatsTrail province={view.province} />
          <h1 data-testid="stats-heading">
            <StatsHeading me={me} view={view} />
          </h1>
          <p className="muted" data-testid="stats-caption">
            {t('stats.caption', {
              date: summary.data?.asOf ?? `${view.year}-12-31`,
              source: t(`stats.sourceName.${view.source}`),
            })}
          </p>
        </div>
        {canExport && (
          <div className="page-actions">
            <ExportButtons
              year={view.year}
              groupBy={view.groupBy}
              province={view.drillProvince}
              source={view.source}
              available={summary.data?.available ?? false}
            />
          </div>
        )}
      </div>

      <StatsControls
        year={view.year}
        lastYear={lastFullYear()}
        source={view.source}
        indicator={view.indicator}
        onYear={(year) => change({ year: String(year) })}
        onSource={(source) => change({ source: source === 'live' ? undefined : source })}
        onIndicator={(indicator) => change({ indicator })}
      />

      <QueryState query={summary}>
        {(data) =>
          !data.available || !data.total ? (
            <section className="panel">
              <OfficialUnavailable reason={data.reason} />
            </section>
          ) : (
            <StatsTiles total={data.total} year={data.year} stale={stale} />
          )
        }
      </QueryState>

      {view.level === 'province' && view.province && (
        <ProvinceIncubators key={view.province} province={view.province} />
      )}

      {summary.data?.available && summary.data.total && (
        <GroupingPanel
          summary={{ ...summary.data, total: summary.data.total }}
          groupBy={view.groupBy}
          indicator={view.indicator}
          order={view.order}
          allColumns={view.allColumns}
          stale={stale}
          drillTo={drillTo}
          onGroupBy={(groupBy) => change({ groupBy, order: undefined })}
          onOrder={(order) => change({ order })}
          onAllColumns={(all) => change({ columns: all ? 'all' : undefined })}
        />
      )}

      <SourceComparison year={view.year} province={view.drillProvince} />

      <TimeseriesChart
        indicator={view.indicator}
        to={view.year}
        source={view.source}
        province={view.drillProvince}
      />
    </>
  );
}

/** 全国… / 湖北省… / the manager's incubator: whose numbers these are. */
function StatsHeading({ me, view }: { me: Me; view: StatsView }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const onlyIncubator =
    me.role === 'incubator_manager' && me.incubatorIds.length === 1 ? me.incubatorIds[0] : undefined;
  const incubator = useIncubator(onlyIncubator);

  if (view.level === 'nation') return t('stats.heading.nation');
  if (view.level === 'province' && view.province) {
    return t('stats.heading.province', { province: labels.province(view.province) });
  }
  if (incubator.data) {
    const name = language === 'en' && incubator.data.nameEn ? incubator.data.nameEn : incubator.data.name;
    return t('stats.heading.incubator', { incubator: name });
  }
  return t('stats.heading.incubators', { count: me.incubatorIds.length });
}
