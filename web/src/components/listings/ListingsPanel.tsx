// A tenant's listings; its manager records new ones (graduates stay tracked and list later).
import type { Tenant } from '@torch/shared';
import { useTenantListings } from '../../api/listings';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { RecordsPanel } from '../RecordsPanel';
import { EmptyState, QueryState } from '../states';
import { ListingForm } from './ListingForm';

export function ListingsPanel({ tenant, canWrite }: { tenant: Tenant; canWrite: boolean }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const listings = useTenantListings(tenant.id);

  return (
    <QueryState query={listings}>
      {(data) => {
        return (
          <RecordsPanel
            heading={t('listing.heading')}
            headingId="listings-heading"
            addLabel={t('listing.add')}
            addTestId="add-listing"
            savedMessage={t('listing.saved')}
            canWrite={canWrite}
            form={(done) => <ListingForm tenant={tenant} {...done} />}
          >
            {data.items.length === 0 ? (
              <EmptyState message={t('listing.none')} />
            ) : (
              <div className="table-wrap">
                <table className="table" data-testid="listings-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('listing.listedOn')}</th>
                      <th scope="col">{t('listing.exchange')}</th>
                      <th scope="col">{t('listing.ticker')}</th>
                      <th scope="col" className="numeric">
                        {t('listing.amountRaised')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((item) => (
                      <tr key={item.id} data-testid="listing-row">
                        <td className="nowrap">{item.listedOn}</td>
                        <td>{labels.exchange(item.exchange)}</td>
                        <td className="mono">{item.ticker}</td>
                        <td className="numeric">{formatMoney(item.amountRaised, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </RecordsPanel>
        );
      }}
    </QueryState>
  );
}
