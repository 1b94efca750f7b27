// Record a listing (IPO, 挂牌). Checked with ListingCreate before sending; amounts in 万元.
import { EXCHANGES, ListingCreate, type Tenant, todayInChina } from '@torch/shared';
import { type FormEvent, useState } from 'react';
import { useRecordListing } from '../../api/listings';
import { wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useFormProblems } from '../form/use-form-problems';
import { checkForm } from '../form/validate';
import { WanField } from '../form/WanField';

interface ListingDraft {
  exchange: string;
  ticker: string;
  listedOn: string;
  amountRaisedWan: string;
}

const FIELDS = ['exchange', 'ticker', 'listedOn', 'amountRaised'];

function listingInput(draft: ListingDraft): Record<string, unknown> {
  const input: Record<string, unknown> = {
    exchange: draft.exchange || undefined,
    ticker: draft.ticker.trim() || undefined,
    listedOn: draft.listedOn || undefined,
    // Nothing raised (an introduction, a NEEQ quotation) is zero, not missing.
    amountRaised: draft.amountRaisedWan.trim() === '' ? 0 : wanToYuan(draft.amountRaisedWan),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

interface Props {
  tenant: Tenant;
  onSaved(): void;
  onCancel(): void;
}

export function ListingForm({ tenant, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const record = useRecordListing(tenant.id);
  const problems = useFormProblems();
  const [draft, setDraft] = useState<ListingDraft>({
    exchange: '',
    ticker: '',
    listedOn: todayInChina(),
    amountRaisedWan: '',
  });
  const change = (changes: Partial<ListingDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const { errors } = problems;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(ListingCreate, listingInput(draft), t);
    if (!checked.ok) return problems.refused(checked.errors);
    problems.clear();
    record.mutate(checked.data, { onSuccess: onSaved, onError: (error) => problems.failed(error) });
  };

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="listing-form">
      <h2>{t('listing.recordHeading')}</h2>
      {problems.failure && <FormAlert message={problems.failure} errors={errors} shownFields={FIELDS} />}
      <div className="form-grid">
        <FormField name="exchange" label={t('listing.exchange')} error={errors.exchange} required>
          {(control) => (
            <select
              {...control}
              value={draft.exchange}
              onChange={(e) => change({ exchange: e.target.value })}
            >
              <option value="">{t('form.choose')}</option>
              {EXCHANGES.map((code) => (
                <option key={code} value={code}>
                  {labels.exchange(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          name="ticker"
          label={t('listing.ticker')}
          error={errors.ticker}
          hint={t('listing.tickerHint')}
          required
        >
          {(control) => (
            <input
              {...control}
              className="mono"
              maxLength={12}
              value={draft.ticker}
              onChange={(e) => change({ ticker: e.target.value })}
            />
          )}
        </FormField>
        <FormField name="listedOn" label={t('listing.listedOn')} error={errors.listedOn} required>
          {(control) => (
            <input
              {...control}
              type="date"
              min={tenant.foundedOn}
              max={tenant.exitedOn ?? todayInChina()}
              value={draft.listedOn}
              onChange={(e) => change({ listedOn: e.target.value })}
            />
          )}
        </FormField>
        <WanField
          name="amountRaised"
          label={t('listing.amountRaisedWan')}
          error={errors.amountRaised}
          value={draft.amountRaisedWan}
          onChange={(amountRaisedWan) => change({ amountRaisedWan })}
        />
      </div>
      <FormActions pending={record.isPending} submitTestId="listing-submit" onCancel={onCancel} />
    </form>
  );
}
