// Incubators the caller may see: national sees the country, a province its own (the API scopes it).
import { INCUBATOR_LEVELS, INCUBATOR_SORTS, INCUBATOR_TYPES, IncubatorListQuery } from '@torch/shared';
import { useCurrentUser } from '../api/auth';
import { useIncubators } from '../api/incubators';
import { useProvinces } from '../api/reference';
import { type IncubatorColumn, useIncubatorColumns } from '../components/incubator-columns';
import { SearchBox } from '../components/SearchBox';
import { DataTable } from '../components/table/DataTable';
import { useListParams } from '../components/use-list-params';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

const COLUMNS: IncubatorColumn[] = [
  'name',
  'provinceCode',
  'city',
  'type',
  'level',
  'foundedOn',
  'totalArea',
  'tenantsIncubating',
];

export function IncubatorListPage() {
  const { t } = useI18n();
  const labels = useLabels();
  const me = useCurrentUser();
  const provinces = useProvinces().data ?? [];
  const [query, update] = useListParams(IncubatorListQuery);
  const incubators = useIncubators(query);
  const columns = useIncubatorColumns(COLUMNS, { sorts: INCUBATOR_SORTS });

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('incubators.heading')}</h1>
          {me.role === 'province' && me.provinceCode && (
            <p className="muted">
              {t('incubators.scopeProvince', { province: labels.province(me.provinceCode) })}
            </p>
          )}
        </div>
      </div>
      <section className="panel">
        <div className="filters">
          <SearchBox
            value={query.q ?? ''}
            onSearch={(q) => update({ q })}
            label={t('incubators.search')}
            testId="incubator-search"
          />
          {me.role === 'national' && (
            <select
              aria-label={t('incubators.filterProvince')}
              value={query.province ?? ''}
              onChange={(e) => update({ province: e.target.value })}
              data-testid="incubator-province-filter"
            >
              <option value="">{t('incubators.allProvinces')}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {labels.nameOf(p)}
                </option>
              ))}
            </select>
          )}
          <select
            aria-label={t('incubators.filterType')}
            value={query.type ?? ''}
            onChange={(e) => update({ type: e.target.value })}
          >
            <option value="">{t('incubators.allTypes')}</option>
            {INCUBATOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {labels.incubatorType(type)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('incubators.filterLevel')}
            value={query.level ?? ''}
            onChange={(e) => update({ level: e.target.value })}
          >
            <option value="">{t('incubators.allLevels')}</option>
            {INCUBATOR_LEVELS.map((level) => (
              <option key={level} value={level}>
                {labels.level(level)}
              </option>
            ))}
          </select>
        </div>

        <DataTable
          name="incubators-table"
          columns={columns}
          list={incubators}
          query={query}
          onChange={update}
          rowHref={(incubator) => `/incubators/${incubator.id}`}
          rowTestId="incubator-row"
          empty={t('incubators.none')}
        />
      </section>
    </>
  );
}
