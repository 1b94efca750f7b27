// The message above a form. Field errors for fields this form does not show (a 403 naming a
// read-only field, say) are listed here so that no refusal goes unseen.
import type { FieldErrors } from './problems';

interface Props {
  message: string;
  errors: FieldErrors;
  shownFields: readonly string[];
}

export function FormAlert({ message, errors, shownFields }: Props) {
  const shown = new Set(shownFields);
  const others = Object.entries(errors).filter(([field, text]) => text && !shown.has(field));
  return (
    <div className="alert alert-error" role="alert" data-testid="form-alert">
      <span>{message}</span>
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
