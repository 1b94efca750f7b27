// Every form in one way: react-hook-form holds what the person typed (strings, named like the
// shared schema's fields), `toBody` turns it into the body the API takes (blank left out, 万元 to
// yuan), and zodResolver checks that body with the SAME shared schema the route validates with.
// After the first submit, errors follow the typing (react-hook-form's reValidateMode).
import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldProblem } from '@torch/shared';
import {
  type DefaultValues,
  type FieldError,
  type FieldErrors,
  type FieldValues,
  get,
  type Path,
  type Resolver,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from '../../api/errors';
import { type Translate, useI18n } from '../../i18n/I18nProvider';
import { issueText, problemText } from './problems';

interface Options<V extends FieldValues, S extends z.ZodType<unknown, FieldValues>> {
  schema: S;
  defaultValues: DefaultValues<V>;
  /** The typed values as the body the schema checks. */
  toBody(values: V): Record<string, unknown>;
  /**
   * The shared rule behind the schema's refinement, run on whatever the body already holds: zod
   * skips refinements while any field is malformed, but a person fixing one field should already
   * see the cross-field problems (a parallel investment over its cap) of the others.
   */
  rules?(body: Record<string, unknown>, values: V): readonly FieldProblem[];
}

export type SchemaForm<V extends FieldValues, Out> = UseFormReturn<V, unknown, Out> & {
  /** The translated error of a field (or of the first refused item of a list field). */
  errorOf(name: string): string | undefined;
  /** The message above the form: the API's refusal, or "fix the marked fields". */
  failure: string | null;
  /** Put the API's problem+json refusal on the fields it names; `message` says it above them. */
  refusedBy(error: unknown, message?: string): void;
};

function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const own = (error as FieldError).message;
  if (typeof own === 'string' && own) return own;
  for (const nested of Object.values(error)) {
    const found = firstMessage(nested);
    if (found) return found;
  }
  return undefined;
}

/** `body.uscc`, `uscc` and `body.founderTraits.1` all belong to their top-level field. */
function problemField(path: string): string | undefined {
  const parts = path.split('.').filter(Boolean);
  return parts[0] === 'body' ? parts[1] : parts[0];
}

function schemaResolver<V extends FieldValues, S extends z.ZodType<unknown, FieldValues>>(
  { schema, toBody, rules }: Options<V, S>,
  t: Translate,
): Resolver<V, unknown, z.output<S>> {
  return async (values, context, options) => {
    const body = toBody(values);
    const check = zodResolver(schema, { error: (issue) => issueText(issue, t) });
    const result = await check(body as z.input<S>, context, options as never);
    const errors = { ...result.errors } as Record<string, FieldError>;
    for (const problem of rules?.(body, values) ?? [])
      errors[problem.path] ??= { type: 'rule', message: problem.message };
    if (Object.keys(errors).length === 0) return { values: result.values as z.output<S>, errors: {} };
    return { values: {}, errors: errors as FieldErrors<V> };
  };
}

export function useSchemaForm<V extends FieldValues, S extends z.ZodType<unknown, FieldValues>>(
  options: Options<V, S>,
): SchemaForm<V, z.output<S>> {
  const { t } = useI18n();
  const form = useForm<V, unknown, z.output<S>>({
    defaultValues: options.defaultValues,
    resolver: schemaResolver(options, t),
  });
  const { errors, isSubmitted } = form.formState;
  const fieldRefused = Object.keys(errors).some((name) => name !== 'root');
  const root = errors.root?.server?.message;
  return {
    ...form,
    errorOf(name) {
      const message = firstMessage(get(errors, name));
      return message === undefined ? undefined : problemText(message, t);
    },
    failure: root ?? (isSubmitted && fieldRefused ? t('form.fixErrors') : null),
    refusedBy(error, message) {
      const named = new Set<string>();
      for (const problem of isApiError(error) ? error.errors : []) {
        const field = problemField(problem.path);
        if (!field || named.has(field)) continue;
        named.add(field);
        form.setError(field as Path<V>, { type: 'server', message: problem.message });
      }
      form.setError('root.server', { type: 'server', message: message ?? t('form.saveFailed') });
    },
  };
}
