import type { pageOf } from '@torch/shared';

/** A list answer `{ items, total, page, pageSize }` (API.md "Lists"). */
export type Page<T> = Omit<ReturnType<ReturnType<typeof pageOf>['parse']>, 'items'> & { items: T[] };
