// Who may invite whom (SPEC §7, API.md): national → any role; a province → managers of its
// incubators; a manager → co-managers of its incubators and users of its tenants. A role one may
// never invite is 403; a place outside one's scope does not exist for one (404). The same rule
// says who may manage an account afterwards (disable, reset its password).
import type { Role } from '@torch/shared';
import type { Caller } from '../../plugins/auth';

export interface Place {
  role: Role;
  /** The incubators the account is or will be tied to (a manager's, a tenant company's hosts). */
  incubators: { id: string; provinceCode: string }[];
}

export type Decision = 'allowed' | 'forbidden' | 'not_found';

export function mayInvite(caller: Caller, target: Place): Decision {
  switch (caller.role) {
    case 'national':
      return 'allowed';
    case 'province':
      if (target.role !== 'incubator_manager') return 'forbidden';
      return target.incubators.some((i) => i.provinceCode === caller.provinceCode) ? 'allowed' : 'not_found';
    case 'incubator_manager':
      if (target.role !== 'incubator_manager' && target.role !== 'tenant') return 'forbidden';
      return target.incubators.some((i) => caller.incubatorIds.includes(i.id)) ? 'allowed' : 'not_found';
    case 'tenant':
      return 'forbidden';
  }
}
