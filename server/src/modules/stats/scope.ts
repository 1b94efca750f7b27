// Whose numbers a caller may see (API.md): national all, a province user its province, a manager
// its incubators (scope.ts says it once, for the cells: statsReach). A drill-down outside the
// caller's scope does not exist (404). Tenant users and exports are refused on the routes.
import type { Db } from '../../db/client';
import { notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { statsReach } from '../../scope';
import { findIncubator } from '../incubators/queries';
import type { CellScope } from './queries';

export interface DrillDown {
  province?: string | undefined;
  incubatorId?: string | undefined;
}

export async function statsScope(db: Db, caller: Caller, drill: DrillDown): Promise<CellScope> {
  const reach = statsReach(caller);
  if (drill.province && reach.province && drill.province !== reach.province) throw notFound('Province');
  const province = reach.province ?? drill.province ?? null;
  if (drill.incubatorId) {
    // The incubator scope.ts lets the caller read, or none.
    if (!(await findIncubator(db, caller, drill.incubatorId))) throw notFound('Incubator');
    return { province, incubatorIds: [drill.incubatorId] };
  }
  return { province, incubatorIds: reach.incubatorIds };
}
