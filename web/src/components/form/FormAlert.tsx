// The message above a form. Field errors for fields this form does not show (a 403 naming a
// read-only field, say) are listed here so that no refusal goes unseen.
import type { FieldValues } from 'react-hook-form';
import type { SchemaForm } from './use-schema-form';

interface Props<V extends FieldValues, Out> {
  form: SchemaForm<V, Out>;
  shownFields: readonly string[];
}

export function FormAlert<V extends FieldValues, Out>({ form, shownFields }: Props<V, Out>) {
  if (!form.failure) return null;
  const shown = new Set([...shownFields, 'root']);
  const others = Object.keys(form.formState.errors)
    .filter((field) => !shown.has(field))
    .map((field) => [field, form.errorOf(field)] as const)
    .filter(([, text]) => text);
  return (
    <div className="alert alert-error" role="alert" data-testid="form-alert">
      <span>{form.failure}</span>
      {others.length > 0 && (
        <ul>
          {others.map(([field, text]) => (
            <li key={field}>
              <span className="mono">{field}</span>: {text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
