// Fields the incubator verifies (TENANT_MANAGED_FIELDS): only its manager edits them.
import { ADMISSION_WINDOW_MONTHS, todayInChina } from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { FormField } from '../form/FormField';
import { needsExceptionReason } from './draft';
import type { DraftFieldsProps } from './ProfileFields';

export function ManagedFields({ draft, errors, onChange }: DraftFieldsProps) {
  const { t } = useI18n();
  const today = todayInChina();
  return (
    <>
      <FormField name="foundedOn" label={t('tenant.foundedOn')} error={errors.foundedOn} required>
        {(control) => (
          <input
            {...control}
            type="date"
            max={today}
            value={draft.foundedOn}
            onChange={(e) => onChange({ foundedOn: e.target.value })}
          />
        )}
      </FormField>
      <FormField name="admittedOn" label={t('tenant.admittedOn')} error={errors.admittedOn} required>
        {(control) => (
          <input
            {...control}
            type="date"
            max={today}
            value={draft.admittedOn}
            onChange={(e) => onChange({ admittedOn: e.target.value })}
          />
        )}
      </FormField>
      {needsExceptionReason(draft) && (
        <FormField
          name="admissionExceptionReason"
          label={t('tenant.admissionExceptionReason')}
          error={errors.admissionExceptionReason}
          hint={t('tenant.admissionExceptionHint', { months: ADMISSION_WINDOW_MONTHS })}
          required
        >
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={draft.admissionExceptionReason}
              onChange={(e) => onChange({ admissionExceptionReason: e.target.value })}
            />
          )}
        </FormField>
      )}
      <FormField name="areaOccupied" label={t('tenant.areaOccupiedM2')} error={errors.areaOccupied}>
        {(control) => (
          <span className="input-with-unit">
            <input
              {...control}
              inputMode="decimal"
              value={draft.areaOccupied}
              onChange={(e) => onChange({ areaOccupied: e.target.value })}
            />
            <span className="unit">m²</span>
          </span>
        )}
      </FormField>
      <FormField
        name="highTechCertifiedOn"
        label={t('tenant.highTechCertifiedOn')}
        error={errors.highTechCertifiedOn}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            max={today}
            value={draft.highTechCertifiedOn}
            onChange={(e) => onChange({ highTechCertifiedOn: e.target.value })}
          />
        )}
      </FormField>
    </>
  );
}
