// The company's own profile fields: a tenant user edits exactly these (TENANT_PROFILE_FIELDS).
import { FOUNDER_TRAITS, type FounderTrait } from '@torch/shared';
import { useFields } from '../../api/reference';
import { formatYuan, wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FieldGroup, FormField } from '../form/FormField';
import type { FieldErrors } from '../form/problems';
import type { TenantDraft } from './draft';

export interface DraftFieldsProps {
  draft: TenantDraft;
  errors: FieldErrors;
  onChange(changes: Partial<TenantDraft>): void;
}

export function ProfileFields({ draft, errors, onChange }: DraftFieldsProps) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const fields = useFields().data ?? [];
  const capitalYuan = wanToYuan(draft.registeredCapitalWan);

  const toggleTrait = (trait: FounderTrait, on: boolean) =>
    onChange({
      founderTraits: on ? [...draft.founderTraits, trait] : draft.founderTraits.filter((x) => x !== trait),
    });

  return (
    <>
      <FormField name="name" label={t('tenant.name')} error={errors.name} required>
        {(control) => (
          <input {...control} value={draft.name} onChange={(e) => onChange({ name: e.target.value })} />
        )}
      </FormField>
      <FormField name="nameEn" label={t('tenant.nameEn')} error={errors.nameEn}>
        {(control) => (
          <input {...control} value={draft.nameEn} onChange={(e) => onChange({ nameEn: e.target.value })} />
        )}
      </FormField>
      <FormField name="field" label={t('tenant.field')} error={errors.field} required>
        {(control) => (
          <select {...control} value={draft.field} onChange={(e) => onChange({ field: e.target.value })}>
            <option value="">{t('form.choose')}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {labels.nameOf(f)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        name="registeredCapital"
        label={t('tenant.registeredCapitalWan')}
        error={errors.registeredCapital}
        hint={
          Number.isFinite(capitalYuan)
            ? t('form.equalsYuan', { amount: formatYuan(capitalYuan, language) })
            : t('form.wanHint')
        }
      >
        {(control) => (
          <span className="input-with-unit">
            <input
              {...control}
              inputMode="decimal"
              value={draft.registeredCapitalWan}
              onChange={(e) => onChange({ registeredCapitalWan: e.target.value })}
            />
            <span className="unit">万元</span>
          </span>
        )}
      </FormField>
      <FormField
        name="integratedCircuit"
        label={t('tenant.integratedCircuit')}
        error={errors.integratedCircuit}
        hint={t('tenant.integratedCircuitHint')}
      >
        {(control) => (
          <input
            {...control}
            type="checkbox"
            checked={draft.integratedCircuit}
            onChange={(e) => onChange({ integratedCircuit: e.target.checked })}
          />
        )}
      </FormField>
      <FieldGroup name="founderTraits" label={t('tenant.founderTraits')} error={errors.founderTraits}>
        {FOUNDER_TRAITS.map((trait) => (
          <label key={trait} className="checkbox">
            <input
              type="checkbox"
              checked={draft.founderTraits.includes(trait)}
              onChange={(e) => toggleTrait(trait, e.target.checked)}
              data-testid={`trait-${trait}`}
            />
            {labels.trait(trait)}
          </label>
        ))}
      </FieldGroup>
      <FormField
        name="legalRepresentative"
        label={t('tenant.legalRepresentative')}
        error={errors.legalRepresentative}
      >
        {(control) => (
          <input
            {...control}
            value={draft.legalRepresentative}
            onChange={(e) => onChange({ legalRepresentative: e.target.value })}
          />
        )}
      </FormField>
      <FormField name="contactPhone" label={t('tenant.contactPhone')} error={errors.contactPhone}>
        {(control) => (
          <input
            {...control}
            type="tel"
            value={draft.contactPhone}
            onChange={(e) => onChange({ contactPhone: e.target.value })}
          />
        )}
      </FormField>
      <FormField name="website" label={t('tenant.website')} error={errors.website} hint="https://…">
        {(control) => (
          <input
            {...control}
            type="url"
            value={draft.website}
            onChange={(e) => onChange({ website: e.target.value })}
          />
        )}
      </FormField>
    </>
  );
}
