// List filters, sort and page live in the URL: a link shares them, and coming back from a detail
// page finds the list as it was left.
// The URL is read through the same zod query schema the API validates with; a parameter it
// refuses is dropped rather than sent.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

interface QuerySchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[] }[] } };
  parse(input: unknown): T;
}

function parseLeniently<T>(schema: QuerySchema<T>, raw: Record<string, string>): T {
  const first = schema.safeParse(raw);
  if (first.success) return first.data;
  const refused = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  const second = schema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([key]) => !refused.has(key))),
  );
  return second.success ? second.data : schema.parse({});
}

export type ListParamChanges = Record<string, string | number | boolean | undefined>;

export function useListParams<T>(schema: QuerySchema<T>) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseLeniently(schema, Object.fromEntries(params)), [schema, params]);

  /** Changing a filter or the sort goes back to page 1; changing the page keeps the filters. */
  const update = useCallback(
    (changes: ListParamChanges) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined || value === '' || value === false) next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [query, update] as const;
}
