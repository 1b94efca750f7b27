// A labelled control with its hint and its inline error, wired for screen readers and tests.
import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
  'data-testid': string;
}

interface Props {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children(control: ControlProps): ReactNode;
}

export function FormField({ name, label, error, hint, required, children }: Props) {
  const id = `field-${name}`;
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </label>
      {children({
        id,
        name,
        'aria-invalid': Boolean(error),
        'aria-describedby': describedBy,
        'data-testid': id,
      })}
      {hint && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && <FieldError id={`${id}-error`} name={name} message={error} />}
    </div>
  );
}

/** A group of checkboxes under one legend (founder traits). */
export function FieldGroup({
  name,
  label,
  error,
  children,
}: {
  name: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={`form-field form-group${error ? ' has-error' : ''}`} data-testid={`field-${name}`}>
      <legend>{label}</legend>
      <div className="checkbox-row">{children}</div>
      {error && <FieldError id={`field-${name}-error`} name={name} message={error} />}
    </fieldset>
  );
}

function FieldError({ id, name, message }: { id: string; name: string; message: string }) {
  return (
    <div className="field-error" id={id} role="alert" data-testid={`error-${name}`}>
      {message}
    </div>
  );
}
