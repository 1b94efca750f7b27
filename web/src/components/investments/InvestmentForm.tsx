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
import { type FormEvent, useState } from 'react';
import { useRecordInvestment } from '../../api/investments';
import { formatMoney, wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FormActions } from '../form/FormActions';
import { FormAlert } from '../form/FormAlert';
import { FormField } from '../form/FormField';
import { useFormProblems } from '../form/use-form-problems';
import { checkForm } from '../form/validate';
import { WanField } from '../form/WanField';
import {
  emptyInvestmentDraft,
  type InvestmentDraft,
  investmentInput,
  isParallel,
  takesEquityShare,
} from './draft';

const FIELDS = Object.keys(emptyInvestmentDraft()).map((k) => k.replace(/Wan$/, ''));

/** The shared rule on whatever the draft already holds, so its problems show beside schema errors. */
function ruleProblems(input: Record<string, unknown>) {
  const { investorKind, instrument, amount, equityShare, coInvestingVcAmount } = input;
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
  const problems = useFormProblems();
  const { errors } = problems;
  const [draft, setDraft] = useState<InvestmentDraft>(emptyInvestmentDraft);
  // After the first attempt, errors follow the typing so a fixed field clears at once.
  const [attempted, setAttempted] = useState(false);

  const check = (next: InvestmentDraft) => {
    const input = investmentInput(next);
    return checkForm(InvestmentCreate, input, t, ruleProblems(input));
  };

  const change = (changes: Partial<InvestmentDraft>) => {
    const next = { ...draft, ...changes };
    // The guidance fund is public money: a parallel investment is the government's.
    if (changes.instrument === 'parallel_investment' && !draft.investorKind)
      next.investorKind = 'government_grant';
    setDraft(next);
    if (attempted) {
      const checked = check(next);
      if (checked.ok) problems.clear();
      else problems.setErrors(checked.errors);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    const checked = check(draft);
    if (!checked.ok) return problems.refused(checked.errors);
    problems.clear();
    record.mutate(checked.data, { onSuccess: onSaved, onError: (error) => problems.failed(error) });
  };

  const vcYuan = wanToYuan(draft.coInvestingVcAmountWan);
  const lastDay = tenant.exitedOn ?? todayInChina();

  return (
    <form className="panel form" onSubmit={onSubmit} noValidate data-testid="investment-form">
      <h2>{t('investment.recordHeading')}</h2>
      {problems.failure && <FormAlert message={problems.failure} errors={errors} shownFields={FIELDS} />}
      <div className="form-grid">
        <FormField name="instrument" label={t('investment.instrument')} error={errors.instrument} required>
          {(control) => (
            <select
              {...control}
              value={draft.instrument}
              onChange={(e) => change({ instrument: e.target.value })}
            >
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
          error={errors.investorKind}
          required
        >
          {(control) => (
            <select
              {...control}
              value={draft.investorKind}
              onChange={(e) => change({ investorKind: e.target.value })}
            >
              <option value="">{t('form.choose')}</option>
              {INVESTOR_KINDS.map((code) => (
                <option key={code} value={code}>
                  {labels.investorKind(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField name="investorName" label={t('investment.investorName')} error={errors.investorName}>
          {(control) => (
            <input
              {...control}
              value={draft.investorName}
              onChange={(e) => change({ investorName: e.target.value })}
            />
          )}
        </FormField>
        {isParallel(draft) && (
          <WanField
            name="coInvestingVcAmount"
            label={t('investment.coInvestingVcAmountWan')}
            error={errors.coInvestingVcAmount}
            value={draft.coInvestingVcAmountWan}
            onChange={(coInvestingVcAmountWan) => change({ coInvestingVcAmountWan })}
            required
          />
        )}
        <WanField
          name="amount"
          label={t('investment.amountWan')}
          error={errors.amount}
          value={draft.amountWan}
          onChange={(amountWan) => change({ amountWan })}
          required
          note={
            isParallel(draft) && (
              <div data-testid="parallel-cap-hint">
                {Number.isFinite(vcYuan) && vcYuan > 0
                  ? t('investment.capIs', { cap: formatMoney(parallelInvestmentCap(vcYuan), language) })
                  : t('investment.capRule', { max: formatMoney(PARALLEL_INVESTMENT_MAX, language) })}
              </div>
            )
          }
        />
        <FormField name="investedOn" label={t('investment.investedOn')} error={errors.investedOn} required>
          {(control) => (
            <input
              {...control}
              type="date"
              min={tenant.foundedOn}
              max={lastDay}
              value={draft.investedOn}
              onChange={(e) => change({ investedOn: e.target.value })}
            />
          )}
        </FormField>
        <FormField
          name="round"
          label={t('investment.round')}
          error={errors.round}
          hint={t('investment.roundHint')}
        >
          {(control) => (
            <input {...control} value={draft.round} onChange={(e) => change({ round: e.target.value })} />
          )}
        </FormField>
        {takesEquityShare(draft) && (
          <FormField name="equityShare" label={t('investment.equitySharePercent')} error={errors.equityShare}>
            {(control) => (
              <span className="input-with-unit">
                <input
                  {...control}
                  inputMode="decimal"
                  value={draft.equityShare}
                  onChange={(e) => change({ equityShare: e.target.value })}
                />
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
