// What a refused field says. Messages that are stable codes ('uscc_check_digit') are translated;
// zod's own issues (too short, not a date) are worded by `issueText`, which the form hook hands to
// zod as its error map; anything else is shown as the API wrote it.
import { isMessageKey, type Translate } from '../../i18n/I18nProvider';

/** The parts of a zod issue we word (zod's raw issue, as its error map receives it). */
export interface SchemaIssue {
  code: string;
  input?: unknown;
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

/** A missing value reads "required", not "invalid type". */
export function issueText(issue: SchemaIssue, t: Translate): string {
  const limit = { min: String(issue.minimum ?? ''), max: String(issue.maximum ?? '') };
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('problem.required');
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
      return issue.input === undefined ? t('problem.required') : t('problem.invalid');
  }
}
