// Field errors from both sides in one shape: the shared zod schema's issues before sending, and
// the API's problem+json `errors[]` after. Messages that are stable codes ('uscc_check_digit')
// are translated; anything else is shown as the API wrote it.
import type { ApiError } from '../../api/errors';
import { isMessageKey, type Translate } from '../../i18n/I18nProvider';

export type FieldErrors = Partial<Record<string, string>>;

/** The parts of a zod issue we read (a structural type: the web does not depend on zod). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  expected?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

export function problemText(message: string, t: Translate): string {
  const key = `problem.${message}`;
  return isMessageKey(key) ? t(key) : message;
}

function issueText(issue: SchemaIssue, t: Translate): string {
  if (isMessageKey(`problem.${issue.message}`)) return problemText(issue.message, t);
  const limit = { min: String(issue.minimum ?? ''), max: String(issue.maximum ?? '') };
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int'
        ? t('problem.integer')
        : issue.expected === 'number'
          ? t('problem.number')
          : t('problem.invalid');
    case 'too_small':
      return issue.origin === 'string' ? t('problem.tooShort', limit) : t('problem.tooSmall', limit);
    case 'too_big':
      return issue.origin === 'string' ? t('problem.tooLong', limit) : t('problem.tooBig', limit);
    case 'invalid_format':
      if (issue.format === 'date' || issue.format === 'url' || issue.format === 'email')
        return t(`problem.${issue.format}`);
      return t('problem.invalid');
    default:
      return t('problem.invalid');
  }
}

/** The first issue of each top-level field; a missing value reads "required", not "invalid type". */
export function issuesToFieldErrors(issues: readonly SchemaIssue[], body: object, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    const value = (body as Record<string, unknown>)[field];
    const missing = value === undefined || value === '';
    errors[field] = missing ? t('problem.required') : issueText(issue, t);
  }
  return errors;
}

/** `body.uscc`, `uscc` and `body.founderTraits.1` all belong to their top-level field. */
export function apiFieldErrors(error: ApiError, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.errors) {
    const parts = problem.path.split('.').filter(Boolean);
    const field = parts[0] === 'body' ? parts[1] : parts[0];
    if (field && !errors[field]) errors[field] = problemText(problem.message, t);
  }
  return errors;
}
