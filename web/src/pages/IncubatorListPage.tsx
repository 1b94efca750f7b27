// Incubators the caller may see: national sees the country, a province its own (the API scopes it).
import { INCUBATOR_LEVELS, INCUBATOR_TYPES, IncubatorListQuery } from '@torch/shared';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useIncubators } from '../api/incubators';
import { useProvinces } from '../api/reference';
import { Pagination } from '../components/Pagination';
import { SearchBox } from '../components/SearchBox';
import { SortHeader } from '../components/SortHeader';
import { EmptyState, QueryState } from '../components/states';
import { useListParams } from '../components/use-list-params';
import { formatArea, formatCount } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

export function IncubatorListPage() {
  const { t, language } = useI18n();
  const labels = useLabels();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const provinces = useProvinces().data ?? [];
  const [query, update] = useListParams(IncubatorListQuery);
  const incubators = useIncubators(query);
  const onSort = (sort: string) => update({ sort });

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

        <QueryState query={incubators}>
          {(data) => (
            <>
              <div className={`table-wrap${incubators.isPlaceholderData ? ' is-stale' : ''}`}>
                <table className="table" data-testid="incubators-table">
                  <thead>
                    <tr>
                      <SortHeader
                        column="name"
                        label={t('incubator.name')}
                        sort={query.sort}
                        onSort={onSort}
                      />
                      <th scope="col">{t('incubator.province')}</th>
                      <th scope="col">{t('incubator.city')}</th>
                      <th scope="col">{t('incubator.type')}</th>
                      <th scope="col">{t('incubator.level')}</th>
                      <SortHeader
                        column="foundedOn"
                        label={t('incubator.foundedOn')}
                        sort={query.sort}
                        onSort={onSort}
                      />
                      <th scope="col" className="numeric">
                        {t('incubator.totalArea')}
                      </th>
                      <SortHeader
                        column="tenantsIncubating"
                        label={t('incubator.tenantsIncubating')}
                        sort={query.sort}
                        onSort={onSort}
                        numeric
                      />
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((incubator) => (
                      <tr
                        key={incubator.id}
                        className="clickable"
                        onClick={() => navigate(`/incubators/${incubator.id}`)}
                        data-testid="incubator-row"
                      >
                        <td>
                          <Link to={`/incubators/${incubator.id}`} onClick={(e) => e.stopPropagation()}>
                            {language === 'en' && incubator.nameEn ? incubator.nameEn : incubator.name}
                          </Link>
                        </td>
                        <td>{labels.province(incubator.provinceCode)}</td>
                        <td>{incubator.city}</td>
                        <td>{labels.incubatorType(incubator.type)}</td>
                        <td>{labels.level(incubator.level)}</td>
                        <td className="nowrap">{incubator.foundedOn}</td>
                        <td className="numeric">{formatArea(incubator.totalArea, language)}</td>
                        <td className="numeric">{formatCount(incubator.tenantsIncubating, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.items.length === 0 && <EmptyState message={t('incubators.none')} />}
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
}
