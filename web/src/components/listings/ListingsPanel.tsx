// A tenant's listings; its manager records new ones (graduates stay tracked and list later).
import type { Tenant } from '@torch/shared';
import { useTenantListings } from '../../api/listings';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { RecordsPanel } from '../RecordsPanel';
import { QueryState } from '../states';
import { RecordTable } from '../table/RecordTable';
import { ListingForm } from './ListingForm';

export function ListingsPanel({ tenant, canWrite }: { tenant: Tenant; canWrite: boolean }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const listings = useTenantListings(tenant.id);

  return (
    <QueryState query={listings}>
      {(data) => (
        <RecordsPanel
          heading={t('listing.heading')}
          headingId="listings-heading"
          addLabel={t('listing.add')}
          addTestId="add-listing"
          savedMessage={t('listing.saved')}
          canWrite={canWrite}
          form={(done) => <ListingForm tenant={tenant} {...done} />}
        >
          <RecordTable
            testId="listings-table"
            headers={[
              { label: t('listing.listedOn') },
              { label: t('listing.exchange') },
              { label: t('listing.ticker') },
              { label: t('listing.amountRaised'), numeric: true },
            ]}
            empty={t('listing.none')}
            count={data.items.length}
          >
            {data.items.map((item) => (
              <tr key={item.id} data-testid="listing-row">
                <td className="nowrap">{item.listedOn}</td>
                <td>{labels.exchange(item.exchange)}</td>
                <td className="mono">{item.ticker}</td>
                <td className="numeric">{formatMoney(item.amountRaised, language)}</td>
              </tr>
            ))}
          </RecordTable>
        </RecordsPanel>
      )}
    </QueryState>
  );
}
