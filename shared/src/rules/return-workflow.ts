// Who may move an annual return from which state to which (SPEC §3, bottom-up approval): the
// manager submits, the province approves, the Torch Center accepts; either reviewer returns it;
// only the Torch Center reopens an accepted return. The server enforces it, the web shows buttons.
import type { ReturnAction, ReturnStatus, Role } from '../schemas/enums';

interface Transition {
  roles: readonly Role[];
  from: readonly ReturnStatus[];
  to: ReturnStatus;
}

export const RETURN_TRANSITIONS: Record<ReturnAction, Transition> = {
  submit: { roles: ['incubator_manager'], from: ['draft', 'returned'], to: 'submitted' },
  approve: { roles: ['province'], from: ['submitted'], to: 'approved' },
  accept: { roles: ['national'], from: ['approved'], to: 'accepted' },
  // The province returns what it has not approved yet; the Torch Center what it has not accepted.
  return: { roles: ['province', 'national'], from: ['submitted', 'approved'], to: 'returned' },
  reopen: { roles: ['national'], from: ['accepted'], to: 'returned' },
};

/** The states in which the manager may still change the figures. */
export const RETURN_EDITABLE: readonly ReturnStatus[] = ['draft', 'returned'];

/** The state `action` leads to from `status` for `role`, or null when it is not allowed. */
export function returnTransition(
  role: Role,
  status: ReturnStatus,
  action: ReturnAction,
): ReturnStatus | null {
  const t = RETURN_TRANSITIONS[action];
  if (!t.roles.includes(role) || !t.from.includes(status)) return null;
  // A province may return only what it has not approved yet.
  if (action === 'return' && role === 'province' && status !== 'submitted') return null;
  return t.to;
}

/** The actions a role can take on a return in a state (the buttons the web shows). */
export function returnActions(role: Role, status: ReturnStatus): ReturnAction[] {
  return (Object.keys(RETURN_TRANSITIONS) as ReturnAction[]).filter(
    (a) => returnTransition(role, status, a) !== null,
  );
}
