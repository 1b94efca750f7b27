// One grouping at a time (province, region, park, type, level, field): its chart and its table.
import {
  STATS_GROUPINGS,
  STATS_INDICATORS,
  type StatsGrouping,
  type StatsIndicator,
  type StatsRow,
  type StatsSummary,
} from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { Tabs } from '../Tabs';
import { GroupChart } from './GroupChart';
import { GroupTable } from './GroupTable';
import { MAIN_INDICATORS } from './use-indicator-text';

interface Props {
  summary: StatsSummary & { total: NonNullable<StatsSummary['total']> };
  groupBy: StatsGrouping;
  indicator: StatsIndicator;
  order: string | undefined;
  allColumns: boolean;
  stale: boolean;
  drillTo?: (row: StatsRow) => string | null;
  onGroupBy(groupBy: StatsGrouping): void;
  onOrder(order: string): void;
  onAllColumns(all: boolean): void;
}

export function GroupingPanel(props: Props) {
  const { summary, groupBy, indicator, stale } = props;
  const { t } = useI18n();
  const tabs = STATS_GROUPINGS.map((id) => ({ id, label: t(`stats.grouping.${id}`) }));

  return (
    <section className="panel" aria-labelledby="stats-grouping-heading" data-testid="stats-grouping">
      <div className="panel-header stats-grouping-header">
        <h2 id="stats-grouping-heading" className="visually-hidden">
          {t('stats.groupingHeading')}
        </h2>
        <Tabs tabs={tabs} current={groupBy} onChoose={props.onGroupBy} label={t('stats.groupingHeading')} />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={props.allColumns}
            onChange={(e) => props.onAllColumns(e.target.checked)}
            data-testid="stats-all-columns"
          />
          {t('stats.allColumns')}
        </label>
      </div>
      {/* The summary answers for the grouping asked; while another loads, the old one stays dimmed. */}
      <div className={stale ? 'stats-stale' : undefined}>
        <GroupChart groupBy={summary.groupBy} rows={summary.rows} indicator={indicator} year={summary.year} />
      </div>
      <GroupTable
        groupBy={summary.groupBy}
        rows={summary.rows}
        total={summary.total}
        columns={props.allColumns ? STATS_INDICATORS : MAIN_INDICATORS}
        order={props.order}
        onOrder={props.onOrder}
        drillTo={props.drillTo}
        stale={stale}
      />
      <p className="muted stats-footnote">
        {summary.groupBy === 'field' ? t('stats.footnote.field') : t('stats.footnote.totals')}
      </p>
    </section>
  );
}
