// A money field typed in 万元 (the Torch forms' unit), showing the whole yuan it will store.
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { formatYuan, wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { FormField } from './FormField';

interface Props {
  label: string;
  /** The form's registration of the field; its name is the field's. */
  field: UseFormRegisterReturn;
  /** What is typed now (watched), for the yuan it comes to. */
  value: string;
  error?: string;
  required?: boolean;
  /** Said under the yuan amount (a limit that applies, say). */
  note?: ReactNode;
}

export function WanField({ label, field, value, error, required, note }: Props) {
  const { t, language } = useI18n();
  const yuan = wanToYuan(value ?? '');
  return (
    <FormField
      name={field.name}
      label={label}
      error={error}
      required={required}
      hint={
        <>
          {Number.isFinite(yuan)
            ? t('form.equalsYuan', { amount: formatYuan(yuan, language) })
            : t('form.wanHint')}
          {note}
        </>
      }
    >
      {(control) => (
        <span className="input-with-unit">
          <input {...control} {...field} inputMode="decimal" />
          <span className="unit">万元</span>
        </span>
      )}
    </FormField>
  );
}
