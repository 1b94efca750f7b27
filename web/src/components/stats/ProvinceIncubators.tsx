// The province level of the drill-down: the province's incubators, each leading to its own page
// (its tenants). Tenant counts here are today's, not the chosen year's: the column says so.
import { useState } from 'react';
import { useIncubators } from '../../api/incubators';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { type IncubatorColumn, useIncubatorColumns } from '../incubator-columns';
import { DataTable } from '../table/DataTable';

const COLUMNS: IncubatorColumn[] = ['name', 'city', 'type', 'level', 'foundedOn', 'tenantsIncubating'];
/** The busiest first; the drill-down offers no other order, so no column sorts. */
const SORT = '-tenantsIncubating';

export function ProvinceIncubators({ province }: { province: string }) {
  const { t } = useI18n();
  const labels = useLabels();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const incubators = useIncubators({ province, page, pageSize, sort: SORT });
  const columns = useIncubatorColumns(COLUMNS, {
    linkTestId: 'stats-incubator-link',
    incubatingLabel: t('stats.incubators.incubatingNow'),
  });

  return (
    <section className="panel" aria-labelledby="stats-incubators-heading" data-testid="stats-incubators">
      <div className="panel-header">
        <h2 id="stats-incubators-heading">
          {t('stats.incubators.heading', { province: labels.province(province) })}
        </h2>
      </div>
      <DataTable
        name="stats-incubators-table"
        columns={columns}
        list={incubators}
        query={{ sort: SORT, page, pageSize }}
        onChange={(changes) => {
          if (changes.pageSize) {
            setPageSize(changes.pageSize);
            setPage(1);
          } else if (changes.page) setPage(changes.page);
        }}
        rowHref={(incubator) => `/incubators/${incubator.id}`}
        rowTestId="stats-incubator-row"
        empty={t('incubators.none')}
      />
    </section>
  );
}
