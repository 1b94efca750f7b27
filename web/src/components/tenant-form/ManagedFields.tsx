// Fields the incubator verifies (TENANT_MANAGED_FIELDS): only its manager edits them.
import { ADMISSION_WINDOW_MONTHS, todayInChina } from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { DateField } from '../form/DateField';
import { FormField } from '../form/FormField';
import { needsExceptionReason } from './draft';
import type { TenantFieldsProps } from './ProfileFields';

export function ManagedFields({ form }: TenantFieldsProps) {
  const { t } = useI18n();
  const today = todayInChina();
  return (
    <>
      <DateField
        label={t('tenant.foundedOn')}
        field={form.register('foundedOn')}
        error={form.errorOf('foundedOn')}
        required
        max={today}
      />
      <DateField
        label={t('tenant.admittedOn')}
        field={form.register('admittedOn')}
        error={form.errorOf('admittedOn')}
        required
        max={today}
      />
      {needsExceptionReason({ foundedOn: form.watch('foundedOn'), admittedOn: form.watch('admittedOn') }) && (
        <FormField
          name="admissionExceptionReason"
          label={t('tenant.admissionExceptionReason')}
          error={form.errorOf('admissionExceptionReason')}
          hint={t('tenant.admissionExceptionHint', { months: ADMISSION_WINDOW_MONTHS })}
          required
        >
          {(control) => <textarea {...control} rows={3} {...form.register('admissionExceptionReason')} />}
        </FormField>
      )}
      <FormField name="areaOccupied" label={t('tenant.areaOccupiedM2')} error={form.errorOf('areaOccupied')}>
        {(control) => (
          <span className="input-with-unit">
            <input {...control} inputMode="decimal" {...form.register('areaOccupied')} />
            <span className="unit">m²</span>
          </span>
        )}
      </FormField>
      <DateField
        label={t('tenant.highTechCertifiedOn')}
        field={form.register('highTechCertifiedOn')}
        error={form.errorOf('highTechCertifiedOn')}
        max={today}
      />
    </>
  );
}
