// A money field typed in 万元 (the Torch forms' unit), showing the whole yuan it will store.
import type { ReactNode } from 'react';
import { formatYuan, wanToYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { FormField } from './FormField';

interface Props {
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  required?: boolean;
  /** Said under the yuan amount (a limit that applies, say). */
  note?: ReactNode;
}

export function WanField({ name, label, value, onChange, error, required, note }: Props) {
  const { t, language } = useI18n();
  const yuan = wanToYuan(value);
  return (
    <FormField
      name={name}
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
          <input {...control} inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} />
          <span className="unit">万元</span>
        </span>
      )}
    </FormField>
  );
}
