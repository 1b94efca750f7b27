// A date field: a labelled <input type="date"> between the dates the record may take.
import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { FormField } from './FormField';

interface Props {
  label: string;
  /** The form's registration of the field; its name is the field's. */
  field: UseFormRegisterReturn;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  min?: string;
  max?: string;
}

export function DateField({ label, field, error, hint, required, min, max }: Props) {
  return (
    <FormField name={field.name} label={label} error={error} hint={hint} required={required}>
      {(control) => <input {...control} type="date" min={min} max={max} {...field} />}
    </FormField>
  );
}
