// A tenant's investments with their totals by investor kind; its manager records new ones here.
import { INVESTOR_KINDS, type Tenant } from '@torch/shared';
import { useTenantInvestments } from '../../api/investments';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { RecordsPanel } from '../RecordsPanel';
import { QueryState } from '../states';
import { RecordTable } from '../table/RecordTable';
import { InvestmentForm } from './InvestmentForm';

export function InvestmentsPanel({ tenant, canWrite }: { tenant: Tenant; canWrite: boolean }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const investments = useTenantInvestments(tenant.id);

  return (
    <QueryState query={investments}>
      {(data) => {
        const { items, totals } = data;
        const money = (yuan: number) => formatMoney(yuan, language);
        return (
          <RecordsPanel
            heading={t('investment.heading')}
            headingId="investments-heading"
            addLabel={t('investment.add')}
            addTestId="add-investment"
            savedMessage={t('investment.saved')}
            canWrite={canWrite}
            form={(done) => <InvestmentForm tenant={tenant} {...done} />}
          >
            <dl className="totals" data-testid="investment-totals">
              <div className="total-main">
                <dt>{t('investment.total')}</dt>
                <dd data-testid="investment-total">{money(totals.total)}</dd>
              </div>
              {INVESTOR_KINDS.filter((kind) => totals.byKind[kind] > 0).map((kind) => (
                <div key={kind}>
                  <dt>{labels.investorKind(kind)}</dt>
                  <dd>{money(totals.byKind[kind])}</dd>
                </div>
              ))}
            </dl>
            <RecordTable
              testId="investments-table"
              headers={[
                { label: t('investment.investedOn') },
                { label: t('investment.investorKind') },
                { label: t('investment.investorName') },
                { label: t('investment.instrument') },
                { label: t('investment.round') },
                { label: t('investment.amount'), numeric: true },
                { label: t('investment.equityShare'), numeric: true },
              ]}
              empty={t('investment.none')}
              count={items.length}
            >
              {items.map((item) => (
                <tr key={item.id} data-testid="investment-row">
                  <td className="nowrap">{item.investedOn}</td>
                  <td>{labels.investorKind(item.investorKind)}</td>
                  <td>{item.investorName ?? '—'}</td>
                  <td>
                    {labels.instrument(item.instrument)}
                    {item.coInvestingVcAmount !== null && (
                      <div className="muted">
                        {t('investment.alongsideVc', { amount: money(item.coInvestingVcAmount) })}
                      </div>
                    )}
                  </td>
                  <td>{item.round ?? '—'}</td>
                  <td className="numeric">{money(item.amount)}</td>
                  <td className="numeric">{item.equityShare !== null ? `${item.equityShare}%` : '—'}</td>
                </tr>
              ))}
            </RecordTable>
          </RecordsPanel>
        );
      }}
    </QueryState>
  );
}
