// The national company identity, for the Torch Center and the provinces: any company that stayed
// in an incubator in scope, found by part of its name or the start of its USCC, across incubators.
import { type Company, CompanyListQuery } from '@torch/shared';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useCompanySearch } from '../api/companies';
import { SearchBox } from '../components/SearchBox';
import { EmptyState } from '../components/states';
import { DataTable, type ListColumn, sortable } from '../components/table/DataTable';
import { useListParams } from '../components/use-list-params';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

/** The URL may hold no search yet; the API's own schema says when `q` is one. */
const UrlQuery = CompanyListQuery.partial({ q: true });

export function CompanySearchPage() {
  const { t, language } = useI18n();
  const labels = useLabels();
  const me = useCurrentUser();
  const [query, update] = useListParams(UrlQuery);
  const asked = CompanyListQuery.safeParse(query);
  const companies = useCompanySearch(asked.success ? asked.data : null);
  const columns = useMemo(
    (): ListColumn<Company>[] =>
      sortable(
        [],
        [
          {
            accessorKey: 'name',
            header: t('tenant.name'),
            enableHiding: false,
            meta: { className: 'name-cell' },
            cell: ({ row: { original: company } }) => (
              <>
                <Link to={`/companies/${company.id}`} onClick={(e) => e.stopPropagation()}>
                  {language === 'en' && company.nameEn ? company.nameEn : company.name}
                </Link>
                <div className="muted mono">{company.uscc}</div>
              </>
            ),
          },
          {
            accessorKey: 'field',
            header: t('tenant.field'),
            cell: ({ row }) => labels.field(row.original.field),
          },
          { accessorKey: 'foundedOn', header: t('tenant.foundedOn'), meta: { nowrap: true } },
        ],
      ),
    [t, language, labels],
  );

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{t('companies.heading')}</h1>
          <p className="muted">
            {me.role === 'province' && me.provinceCode
              ? t('companies.scopeProvince', { province: labels.province(me.provinceCode) })
              : t('companies.scopeNational')}
          </p>
        </div>
      </div>
      <section className="panel">
        <div className="filters">
          <SearchBox
            value={query.q ?? ''}
            onSearch={(q) => update({ q })}
            label={t('companies.search')}
            testId="company-search"
          />
        </div>
        {asked.success ? (
          <DataTable
            name="companies-table"
            columns={columns}
            list={companies}
            query={asked.data}
            onChange={update}
            rowHref={(company) => `/companies/${company.id}`}
            rowTestId="company-row"
            empty={t('companies.none')}
          />
        ) : (
          <EmptyState message={t('companies.hint')} />
        )}
      </section>
    </>
  );
}
