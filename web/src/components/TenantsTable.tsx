// An incubator's tenants: search, filters, sortable columns and paging, all kept in the URL.
import { TENANT_STATUSES, TenantListQuery } from '@torch/shared';
import { Link, useNavigate } from 'react-router';
import { useFields } from '../api/reference';
import { useIncubatorTenants } from '../api/tenants';
import { formatArea, formatMoney } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { OverdueBadge, StatusBadge } from './Badges';
import { Pagination } from './Pagination';
import { SearchBox } from './SearchBox';
import { SortHeader } from './SortHeader';
import { EmptyState, QueryState } from './states';
import { useListParams } from './use-list-params';

export function TenantsTable({ incubatorId }: { incubatorId: string }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const fields = useFields().data ?? [];
  const [query, update] = useListParams(TenantListQuery);
  const tenants = useIncubatorTenants(incubatorId, query);

  return (
    <section className="panel" aria-labelledby="tenants-heading">
      <div className="panel-header">
        <h2 id="tenants-heading">{t('tenants.heading')}</h2>
        <div className="filters">
          <SearchBox
            value={query.q ?? ''}
            onSearch={(q) => update({ q })}
            label={t('tenants.search')}
            testId="tenant-search"
          />
          <select
            aria-label={t('tenants.filterStatus')}
            value={query.status ?? ''}
            onChange={(e) => update({ status: e.target.value })}
            data-testid="tenant-status-filter"
          >
            <option value="">{t('tenants.allStatuses')}</option>
            {TENANT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {labels.status(s)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('tenants.filterField')}
            value={query.field ?? ''}
            onChange={(e) => update({ field: e.target.value })}
            data-testid="tenant-field-filter"
          >
            <option value="">{t('tenants.allFields')}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {labels.nameOf(f)}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={query.overdue === true}
              onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}
              data-testid="tenant-overdue-filter"
            />
            {t('tenants.onlyOverdue')}
          </label>
        </div>
      </div>

      <QueryState query={tenants}>
        {(data) => (
          <>
            <div className={`table-wrap${tenants.isPlaceholderData ? ' is-stale' : ''}`}>
              <table className="table" data-testid="tenants-table">
                <thead>
                  <tr>
                    <SortHeader
                      column="name"
                      label={t('tenant.name')}
                      sort={query.sort}
                      onSort={(sort) => update({ sort })}
                    />
                    <th scope="col">{t('tenant.field')}</th>
                    <th scope="col">{t('tenant.status')}</th>
                    <SortHeader
                      column="foundedOn"
                      label={t('tenant.foundedOn')}
                      sort={query.sort}
                      onSort={(sort) => update({ sort })}
                    />
                    <SortHeader
                      column="admittedOn"
                      label={t('tenant.admittedOn')}
                      sort={query.sort}
                      onSort={(sort) => update({ sort })}
                    />
                    <th scope="col">{t('tenant.incubationEndsOn')}</th>
                    <th scope="col" className="numeric">
                      {t('tenant.areaOccupied')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('tenant.registeredCapital')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((tenant) => (
                    <tr
                      key={tenant.id}
                      className="clickable"
                      onClick={() => navigate(`/tenants/${tenant.id}`)}
                      data-testid="tenant-row"
                    >
                      <td className="name-cell">
                        <Link to={`/tenants/${tenant.id}`} onClick={(e) => e.stopPropagation()}>
                          {language === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name}
                        </Link>
                        <div className="muted mono">{tenant.uscc}</div>
                      </td>
                      <td>{labels.field(tenant.field)}</td>
                      <td>
                        <StatusBadge status={tenant.status} /> {tenant.overdue && <OverdueBadge />}
                      </td>
                      <td className="nowrap">{tenant.foundedOn}</td>
                      <td className="nowrap">{tenant.admittedOn}</td>
                      <td className="nowrap">
                        {tenant.status === 'incubating' ? tenant.incubationEndsOn : '—'}
                      </td>
                      <td className="numeric">{formatArea(tenant.areaOccupied, language)}</td>
                      <td className="numeric">{formatMoney(tenant.registeredCapital, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {data.items.length === 0 && <EmptyState message={t('tenants.none')} />}
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
  );
}
