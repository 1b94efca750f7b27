// A return's tenant aggregates: the statistics of one incubator's records at the year's end, read
// through the statistics' own rollup (the same numbers the live statistics show), per company
// field, plus the financed tenants that recognition readiness needs.
import type { ReturnComputed } from '@torch/shared';
import type { DbOrTx } from '../../db/client';
import { type IndicatorValues, rollup } from '../stats/queries';
import { tenantsFinanced } from './queries';

export interface IncubatorYear {
  computed: ReturnComputed;
  /** The incubator's cells of the year by company field (the `incubators` count under '-'). */
  byField: { field: string; values: IndicatorValues }[];
}

export async function computeReturn(
  db: DbOrTx,
  incubator: { id: string; field: string | null },
  year: number,
): Promise<IncubatorYear> {
  const scope = { province: null, incubatorIds: [incubator.id] };
  // Two statements at once (in a transaction, pipelined on its connection).
  const [rows, financed] = await Promise.all([
    rollup(db, { fromYear: year, toYear: year, asOf: null, scope }, 'field'),
    tenantsFinanced(db, incubator.id, year),
  ]);
  const total = rows.find((r) => r.key === null)?.values;
  if (!total) throw new Error('the statistics rollup answered no total row');
  const byField = rows.flatMap((r) => (r.key === null ? [] : [{ field: r.key, values: r.values }]));
  const inField = byField.find((r) => r.field === incubator.field)?.values.tenantsIncubating ?? 0;
  return {
    computed: {
      ...total,
      tenantsFinanced: financed,
      tenantsInField: inField,
    },
    byField,
  };
}
