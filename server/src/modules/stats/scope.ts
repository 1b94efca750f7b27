// Whose numbers a caller may see (API.md): national all, a province user its province, a manager
// its incubators; tenant users none. A drill-down outside the caller's scope does not exist (404).
import type { Db } from '../../db/client';
import { forbidden, notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { type CellScope, incubatorProvince } from './queries';

export interface DrillDown {
  province?: string | undefined;
  incubatorId?: string | undefined;
}

export async function statsScope(db: Db, caller: Caller, drill: DrillDown): Promise<CellScope> {
  if (caller.role === 'tenant')
    throw forbidden('Statistics are for the Torch Center, provinces and incubators');
  if (caller.role === 'province' && drill.province && drill.province !== caller.provinceCode) {
    throw notFound('Province');
  }
  const province = caller.role === 'province' ? caller.provinceCode : (drill.province ?? null);
  if (drill.incubatorId) {
    const incubatorProvinceCode = await incubatorProvince(db, drill.incubatorId);
    const visible =
      incubatorProvinceCode !== undefined &&
      (caller.role === 'national' ||
        (caller.role === 'province' && incubatorProvinceCode === caller.provinceCode) ||
        (caller.role === 'incubator_manager' && caller.incubatorIds.includes(drill.incubatorId)));
    if (!visible) throw notFound('Incubator');
    return { province, incubatorIds: [drill.incubatorId] };
  }
  if (caller.role === 'incubator_manager') return { province, incubatorIds: caller.incubatorIds };
  return { province, incubatorIds: null };
}

/** Exports are yearbook tables for the Torch Center and the provinces. */
export function requireExporter(caller: Caller) {
  if (caller.role !== 'national' && caller.role !== 'province') {
    throw forbidden('Exports are for the Torch Center and the provinces');
  }
}
