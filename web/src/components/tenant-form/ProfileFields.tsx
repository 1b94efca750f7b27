// The company's own profile fields: a tenant user edits exactly these (TENANT_PROFILE_FIELDS).
import { FOUNDER_TRAITS } from '@torch/shared';
import { useFields } from '../../api/reference';
import { formatYuan, wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FieldGroup, FormField } from '../form/FormField';
import type { SchemaForm } from '../form/use-schema-form';
import type { TenantValues } from './draft';

/** The admission and the edit form both hold TenantValues; they differ in the body they send. */
export interface TenantFieldsProps {
  form: Pick<SchemaForm<TenantValues, unknown>, 'register' | 'watch' | 'errorOf'>;
}

export function ProfileFields({ form }: TenantFieldsProps) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const fields = useFields().data ?? [];
  const capitalYuan = wanToYuan(form.watch('registeredCapital') ?? '');

  return (
    <>
      <FormField name="name" label={t('tenant.name')} error={form.errorOf('name')} required>
        {(control) => <input {...control} {...form.register('name')} />}
      </FormField>
      <FormField name="nameEn" label={t('tenant.nameEn')} error={form.errorOf('nameEn')}>
        {(control) => <input {...control} {...form.register('nameEn')} />}
      </FormField>
      <FormField name="field" label={t('tenant.field')} error={form.errorOf('field')} required>
        {(control) => (
          <select {...control} {...form.register('field')}>
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
        error={form.errorOf('registeredCapital')}
        hint={
          Number.isFinite(capitalYuan)
            ? t('form.equalsYuan', { amount: formatYuan(capitalYuan, language) })
            : t('form.wanHint')
        }
      >
        {(control) => (
          <span className="input-with-unit">
            <input {...control} inputMode="decimal" {...form.register('registeredCapital')} />
            <span className="unit">万元</span>
          </span>
        )}
      </FormField>
      <FormField
        name="integratedCircuit"
        label={t('tenant.integratedCircuit')}
        error={form.errorOf('integratedCircuit')}
        hint={t('tenant.integratedCircuitHint')}
      >
        {(control) => <input {...control} type="checkbox" {...form.register('integratedCircuit')} />}
      </FormField>
      <FieldGroup
        name="founderTraits"
        label={t('tenant.founderTraits')}
        error={form.errorOf('founderTraits')}
      >
        {FOUNDER_TRAITS.map((trait) => (
          <label key={trait} className="checkbox">
            <input
              type="checkbox"
              value={trait}
              {...form.register('founderTraits')}
              data-testid={`trait-${trait}`}
            />
            {labels.trait(trait)}
          </label>
        ))}
      </FieldGroup>
      <FormField
        name="legalRepresentative"
        label={t('tenant.legalRepresentative')}
        error={form.errorOf('legalRepresentative')}
      >
        {(control) => <input {...control} {...form.register('legalRepresentative')} />}
      </FormField>
      <FormField name="contactPhone" label={t('tenant.contactPhone')} error={form.errorOf('contactPhone')}>
        {(control) => <input {...control} type="tel" {...form.register('contactPhone')} />}
      </FormField>
      <FormField name="website" label={t('tenant.website')} error={form.errorOf('website')} hint="https://…">
        {(control) => <input {...control} type="url" {...form.register('website')} />}
      </FormField>
    </>
  );
}
