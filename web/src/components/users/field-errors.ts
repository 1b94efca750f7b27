// Field errors of the account forms (invite, accept, password), from the shared schema's issues
// before sending and from the API's errors[] after. Kept to problemText so the account forms do
// not depend on how the other forms are wired.
import type { ApiError } from '../../api/errors';
import type { Translate } from '../../i18n/I18nProvider';
import { problemText } from '../form/problems';

export type FieldErrors = Partial<Record<string, string>>;

export function schemaErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
  body: Record<string, unknown>,
  t: Translate,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    const missing = body[field] === undefined || body[field] === '';
    errors[field] = missing ? t('problem.required') : problemText(issue.message, t);
  }
  return errors;
}

/** `body.password` and `password` both belong to the field `password`. */
export function apiErrors(error: ApiError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.errors) {
    const parts = problem.path.split('.').filter(Boolean);
    const field = parts[0] === 'body' ? parts[1] : parts[0];
    if (field && !errors[field]) errors[field] = problemText(problem.message, t);
  }
  return errors;
}
