// Who may write what, as the API decides it (SPEC §1): the pages only hide what would be refused.
import type { Me } from '@torch/shared';

/** An incubator's manager writes its tenants' records, mentors and reviews. */
export function managesIncubator(me: Me, incubatorId: string): boolean {
  return me.role === 'incubator_manager' && me.incubatorIds.includes(incubatorId);
}

/** A tenant user writes its own company's profile and yearly reports. */
export function isOwnCompany(me: Me, tenantId: string): boolean {
  return me.role === 'tenant' && me.tenantId === tenantId;
}
