// Check a form's body with a shared schema, and also with the shared rule behind the schema's
// refinement: zod skips refinements while any field is malformed, but a person fixing one field
// should already see the cross-field problems (a parallel investment over its cap) of the others.
import type { FieldProblem } from '@torch/shared';
import type { Translate } from '../../i18n/I18nProvider';
import { type FieldErrors, issuesToFieldErrors, problemText, type SchemaIssue } from './problems';

interface Schema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: SchemaIssue[] } };
}

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

export function checkForm<T>(
  schema: Schema<T>,
  body: Record<string, unknown>,
  t: Translate,
  ruleProblems: readonly FieldProblem[] = [],
): Checked<T> {
  const parsed = schema.safeParse(body);
  const errors: FieldErrors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues, body, t);
  for (const problem of ruleProblems) errors[problem.path] ??= problemText(problem.message, t);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}
