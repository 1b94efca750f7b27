// Record an investment. Checked with InvestmentCreate (the shared schema, including the
// parallel-investment cap) before sending; the API's refusals land on the same inline errors.
import {
  checkInvestment,
  INVESTMENT_INSTRUMENTS,
  INVESTOR_KINDS,
  InvestmentCreate,
  type InvestmentInstrument,
  type InvestorKind,
  PARALLEL_INVESTMENT_MAX,
  parallelInvestmentCap,
  type Tenant,
  todayInChina,
} from '@torch/shared';
import { useRecordInvestment } from '../../api/investments';
import { formatMoney, wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { DateField } from '../form/DateField';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useSchemaForm } from '../form/use-schema-form';
import { WanField } from '../form/WanField';
import { emptyInvestment, INVESTMENT_FIELDS, investmentBody, isParallel, takesEquityShare } from './draft';

/** The shared rule on whatever the body already holds, so its problems show beside schema errors. */
function ruleProblems(body: Record<string, unknown>) {
  const { investorKind, instrument, amount, equityShare, coInvestingVcAmount } = body;
  if (typeof investorKind !== 'string' || typeof instrument !== 'string' || typeof amount !== 'number')
    return [];
  return checkInvestment(
    {
      investorKind: investorKind as InvestorKind,
      instrument: instrument as InvestmentInstrument,
      amount,
      equityShare: equityShare as number | undefined,
    },
    { coInvestingVcAmount: coInvestingVcAmount as number | undefined },
  );
}

interface Props {
  tenant: Tenant;
  onSaved(): void;
  onCancel(): void;
}

export function InvestmentForm({ tenant, onSaved, onCancel }: Props) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const record = useRecordInvestment(tenant.id);
  const form = useSchemaForm({
    schema: InvestmentCreate,
    defaultValues: emptyInvestment(),
    toBody: investmentBody,
    rules: ruleProblems,
  });
  const [instrument, vcAmount] = form.watch(['instrument', 'coInvestingVcAmount']);
  const errorOf = form.errorOf;

  const instrumentField = form.register('instrument', {
    // The guidance fund is public money: a parallel investment is the government's.
    onChange: (event) => {
      if (isParallel(event.target.value) && !form.getValues('investorKind'))
        form.setValue('investorKind', 'government_grant');
    },
  });

  const onSubmit = form.handleSubmit((body) =>
    record.mutate(body, { onSuccess: onSaved, onError: (error) => form.refusedBy(error) }),
  );

  const vcYuan = wanToYuan(vcAmount);
  const lastDay = tenant.exitedOn ?? todayInChina();

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="investment-form">
      <h2>{t('investment.recordHeading')}</h2>
      <FormAlert form={form} shownFields={INVESTMENT_FIELDS} />
      <div className="form-grid">
        <FormField
          name="instrument"
          label={t('investment.instrument')}
          error={errorOf('instrument')}
          required
        >
          {(control) => (
            <select {...control} {...instrumentField}>
              {INVESTMENT_INSTRUMENTS.map((code) => (
                <option key={code} value={code}>
                  {labels.instrument(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          name="investorKind"
          label={t('investment.investorKind')}
          error={errorOf('investorKind')}
          required
        >
          {(control) => (
            <select {...control} {...form.register('investorKind')}>
              <option value="">{t('form.choose')}</option>
              {INVESTOR_KINDS.map((code) => (
                <option key={code} value={code}>
                  {labels.investorKind(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="investorName" label={t('investment.investorName')} error={errorOf('investorName')}>
          {(control) => <input {...control} {...form.register('investorName')} />}
        </FormField>
        {isParallel(instrument) && (
          <WanField
            label={t('investment.coInvestingVcAmountWan')}
            error={errorOf('coInvestingVcAmount')}
            field={form.register('coInvestingVcAmount')}
            value={vcAmount}
            required
          />
        )}
        <WanField
          label={t('investment.amountWan')}
          error={errorOf('amount')}
          field={form.register('amount')}
          value={form.watch('amount')}
          required
          note={
            isParallel(instrument) && (
              <div data-testid="parallel-cap-hint">
                {Number.isFinite(vcYuan) && vcYuan > 0
                  ? t('investment.capIs', { cap: formatMoney(parallelInvestmentCap(vcYuan), language) })
                  : t('investment.capRule', { max: formatMoney(PARALLEL_INVESTMENT_MAX, language) })}
              </div>
            )
          }
        />
        <DateField
          label={t('investment.investedOn')}
          field={form.register('investedOn')}
          error={errorOf('investedOn')}
          required
          min={tenant.foundedOn}
          max={lastDay}
        />
        <FormField
          name="round"
          label={t('investment.round')}
          error={errorOf('round')}
          hint={t('investment.roundHint')}
        >
          {(control) => <input {...control} {...form.register('round')} />}
        </FormField>
        {takesEquityShare(instrument) && (
          <FormField
            name="equityShare"
            label={t('investment.equitySharePercent')}
            error={errorOf('equityShare')}
          >
            {(control) => (
              <span className="input-with-unit">
                <input {...control} inputMode="decimal" {...form.register('equityShare')} />
                <span className="unit">%</span>
              </span>
            )}
          </FormField>
        )}
      </div>
      <FormActions pending={record.isPending} submitTestId="investment-submit" onCancel={onCancel} />
    </form>
  );
}
