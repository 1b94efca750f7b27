// Record a listing (IPO, 挂牌). Checked with ListingCreate before sending; amounts in 万元.
import { EXCHANGES, ListingCreate, type Tenant, todayInChina } from '@torch/shared';
import { useRecordListing } from '../../api/listings';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { given, text, wan } from '../form/body';
import { DateField } from '../form/DateField';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';
import { WanField } from '../form/WanField';

const FIELDS = ['exchange', 'ticker', 'listedOn', 'amountRaised'] as const;
type ListingValues = Record<(typeof FIELDS)[number], string>;

interface Props {
  tenant: Tenant;
  onSaved(): void;
  onCancel(): void;
}

export function ListingForm({ tenant, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const record = useRecordListing(tenant.id);
  const form = useSchemaForm({
    schema: ListingCreate,
    defaultValues: { exchange: '', ticker: '', listedOn: todayInChina(), amountRaised: '' } as ListingValues,
    toBody: (values: ListingValues) =>
      given({
        exchange: text(values.exchange),
        ticker: text(values.ticker),
        listedOn: text(values.listedOn),
        // Nothing raised (an introduction, a NEEQ quotation) is zero, not missing.
        amountRaised: wan(values.amountRaised) ?? 0,
      }),
  });

  const onSubmit = form.handleSubmit((body) =>
    record.mutate(body, { onSuccess: onSaved, onError: (error) => form.refusedBy(error) }),
  );

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="listing-form">
      <h2>{t('listing.recordHeading')}</h2>
      <FormAlert form={form} shownFields={FIELDS} />
      <div className="form-grid">
        <FormField name="exchange" label={t('listing.exchange')} error={form.errorOf('exchange')} required>
          {(control) => (
            <select {...control} {...form.register('exchange')}>
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
          error={form.errorOf('ticker')}
          hint={t('listing.tickerHint')}
          required
        >
          {(control) => <input {...control} className="mono" maxLength={12} {...form.register('ticker')} />}
        </FormField>
        <DateField
          label={t('listing.listedOn')}
          field={form.register('listedOn')}
          error={form.errorOf('listedOn')}
          required
          min={tenant.foundedOn}
          max={tenant.exitedOn ?? todayInChina()}
        />
        <WanField
          label={t('listing.amountRaisedWan')}
          field={form.register('amountRaised')}
          value={form.watch('amountRaised')}
          error={form.errorOf('amountRaised')}
        />
      </div>
      <FormActions pending={record.isPending} submitTestId="listing-submit" onCancel={onCancel} />
    </form>
  );
}
