// One company's national record and every stay it had in the caller's scope, each as its incubator
// recorded the company (a name may differ from the national record's: docs/company-identity.md).
import { Link, useParams } from 'react-router';
import { useCompany } from '../api/companies';
import { StatusBadge } from '../components/Badges';
import { FactGrid } from '../components/FactGrid';
import { QueryState } from '../components/states';
import { RecordTable } from '../components/table/RecordTable';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';

export function CompanyRecordPage() {
  const { companyId = '' } = useParams();
  const { t, language } = useI18n();
  const labels = useLabels();
  const company = useCompany(companyId);
  const named = (item: { name: string; nameEn: string | null }) =>
    language === 'en' && item.nameEn ? item.nameEn : item.name;

  return (
    <QueryState query={company}>
      {(data) => (
        <>
          <div className="page-header">
            <div>
              <p className="muted">
                <Link to="/companies">{t('companies.heading')}</Link>
              </p>
              <h1 data-testid="company-name">{named(data)}</h1>
            </div>
          </div>
          <FactGrid
            label={t('companies.record')}
            testId="company-record"
            facts={[
              [t('tenant.uscc'), data.uscc],
              [t('tenant.field'), labels.field(data.field)],
              [t('tenant.foundedOn'), data.foundedOn],
              [t('tenant.nameEn'), data.nameEn ?? '—'],
            ]}
          />
          <section className="panel">
            <h2>{t('companies.tenancies')}</h2>
            <RecordTable
              testId="company-tenancies"
              count={data.tenancies.length}
              empty={t('companies.noTenancies')}
              headers={[
                { label: t('companies.incubator') },
                { label: t('incubator.province') },
                { label: t('companies.recordedAs') },
                { label: t('tenant.status') },
                { label: t('tenant.admittedOn') },
                { label: t('companies.endedOn') },
              ]}
            >
              {data.tenancies.map((stay) => (
                <tr key={stay.id} data-testid="company-tenancy">
                  <td>
                    <Link to={`/incubators/${stay.incubatorId}`}>{stay.incubatorName}</Link>
                  </td>
                  <td>{labels.province(stay.provinceCode)}</td>
                  <td>
                    <Link to={`/tenants/${stay.id}`}>{named(stay)}</Link>
                    <div className="muted">{labels.field(stay.field)}</div>
                  </td>
                  <td>
                    <StatusBadge status={stay.status} />
                  </td>
                  <td className="nowrap">{stay.admittedOn}</td>
                  <td className="nowrap">{stay.graduatedOn ?? stay.exitedOn ?? '—'}</td>
                </tr>
              ))}
            </RecordTable>
          </section>
        </>
      )}
    </QueryState>
  );
}
