// An incubator's tenants: search, filters, sortable columns and paging, all kept in the URL.
import { TENANT_SORTS, TENANT_STATUSES, type Tenant, TenantListQuery } from '@torch/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useFields } from '../api/reference';
import { useIncubatorTenants } from '../api/tenants';
import { formatArea, formatMoney } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { OverdueBadge, StatusBadge } from './Badges';
import { SearchBox } from './SearchBox';
import { DataTable, type ListColumn, sortable } from './table/DataTable';
import { useListParams } from './use-list-params';

export function TenantsTable({ incubatorId }: { incubatorId: string }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const fields = useFields().data ?? [];
  const [query, update] = useListParams(TenantListQuery);
  const tenants = useIncubatorTenants(incubatorId, query);
  const columns = useMemo(
    (): ListColumn<Tenant>[] =>
      sortable(TENANT_SORTS, [
        {
          accessorKey: 'name',
          header: t('tenant.name'),
          enableHiding: false,
          meta: { className: 'name-cell' },
          cell: ({ row: { original: tenant } }) => (
            <>
              <Link to={`/tenants/${tenant.id}`} onClick={(e) => e.stopPropagation()}>
                {language === 'en' && tenant.nameEn ? tenant.nameEn : tenant.name}
              </Link>
              <div className="muted mono">{tenant.uscc}</div>
            </>
          ),
        },
        {
          accessorKey: 'field',
          header: t('tenant.field'),
          cell: ({ row }) => labels.field(row.original.field),
        },
        {
          accessorKey: 'status',
          header: t('tenant.status'),
          cell: ({ row: { original: tenant } }) => (
            <>
              <StatusBadge status={tenant.status} /> {tenant.overdue && <OverdueBadge />}
            </>
          ),
        },
        { accessorKey: 'foundedOn', header: t('tenant.foundedOn'), meta: { nowrap: true } },
        { accessorKey: 'admittedOn', header: t('tenant.admittedOn'), meta: { nowrap: true } },
        {
          accessorKey: 'incubationEndsOn',
          header: t('tenant.incubationEndsOn'),
          meta: { nowrap: true },
          cell: ({ row: { original: tenant } }) =>
            tenant.status === 'incubating' ? tenant.incubationEndsOn : '—',
        },
        {
          accessorKey: 'areaOccupied',
          header: t('tenant.areaOccupied'),
          meta: { numeric: true },
          cell: ({ row }) => formatArea(row.original.areaOccupied, language),
        },
        {
          accessorKey: 'registeredCapital',
          header: t('tenant.registeredCapital'),
          meta: { numeric: true },
          cell: ({ row }) => formatMoney(row.original.registeredCapital, language),
        },
      ]),
    [t, labels, language],
  );

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

      <DataTable
        name="tenants-table"
        columns={columns}
        list={tenants}
        query={query}
        onChange={update}
        rowHref={(tenant) => `/tenants/${tenant.id}`}
        rowTestId="tenant-row"
        empty={t('tenants.none')}
      />
    </section>
  );
}
