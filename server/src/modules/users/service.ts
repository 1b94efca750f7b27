// Accounts in scope: list, disable/enable and rename, reset links, a manager's removal from an
// incubator. Who may change an account is who could have invited it (invitations/policy.ts).
import type { InvitationCreated, UserListQuery, UserPatch, UserSummary } from '@torch/shared';
import { writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, forbidden, notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { revokeUserSessions } from '../auth/queries';
import { mayInvite } from '../invitations/policy';
import { revokePendingResets } from '../invitations/queries';
import { deliver, insertLink, type LinkContext } from '../invitations/service';
import * as q from './queries';

type Row = NonNullable<q.UserRow>;

function toSummary(row: Row): UserSummary {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    provinceCode: row.provinceCode,
    companyId: row.companyId,
    companyName: row.companyName,
    incubatorIds: row.incubatorIds,
    disabled: row.disabled,
    lastLoginAt: row.lastLoginAt ? iso(row.lastLoginAt) : null,
    createdAt: iso(row.createdAt),
  };
}

/** The account, when the caller may manage it: 404 outside scope, 403 when only visible. */
async function manageable(db: Db, caller: Caller, id: string): Promise<Row> {
  const row = await q.findVisibleUser(db, caller, id);
  if (!row) throw notFound('User');
  if (mayInvite(caller, { role: row.role, incubators: row.incubators }) !== 'allowed')
    throw forbidden('Only whoever could invite this account may change it');
  return row;
}

/** The incubator an account's audit rows belong to, so its managers read them in /audit. */
const auditIncubator = (row: Row) => row.incubators[0]?.id ?? null;

export async function list(db: Db, caller: Caller, query: UserListQuery) {
  const rows = await q.listUsers(db, caller, query);
  return {
    items: rows.map(({ total: _, ...row }) => toSummary(row)),
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Disabling ends every session of the account at once. Answers the sessions ended. */
export async function patch(db: Db, caller: Caller, id: string, body: UserPatch) {
  const before = await manageable(db, caller, id);
  if (id === caller.userId && body.disabled) throw conflict('You cannot disable your own account');
  const ended = await db.transaction(async (tx) => {
    await q.updateUser(tx, id, body);
    const ended = body.disabled ? await revokeUserSessions(tx, id) : [];
    const action =
      body.disabled === undefined || body.disabled === before.disabled
        ? 'user.update'
        : body.disabled
          ? 'user.disable'
          : 'user.enable';
    await writeAudit(tx, {
      userId: caller.userId,
      action,
      entity: 'user',
      entityId: id,
      incubatorId: auditIncubator(before),
      before: { disabled: before.disabled, name: before.name },
      after: body,
    });
    return ended;
  });
  const after = await q.findVisibleUser(db, caller, id);
  return { user: toSummary(after!), ended };
}

/** A one-time link to set a new password, made by whoever could invite the account. */
export async function resetLink(
  db: Db,
  caller: Caller,
  id: string,
  ctx: LinkContext,
): Promise<InvitationCreated> {
  const user = await manageable(db, caller, id);
  if (user.disabled) throw conflict('The account is disabled; enable it first');
  const link = await db.transaction(async (tx) => {
    await revokePendingResets(tx, id);
    const link = await insertLink(tx, caller, {
      kind: 'reset',
      email: user.email,
      name: user.name,
      role: user.role,
      userId: id,
      provinceCode: user.provinceCode,
      companyId: user.companyId,
      incubatorId: auditIncubator(user),
    });
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'user.reset_link',
      entity: 'user',
      entityId: id,
      incubatorId: auditIncubator(user),
    });
    return link;
  });
  return deliver(db, ctx, link);
}

/** The manager no longer runs the incubator from its next request on. */
export async function removeManager(db: Db, caller: Caller, incubatorId: string, userId: string) {
  const user = await q.findVisibleUser(db, caller, userId);
  if (user?.role !== 'incubator_manager' || !user.incubatorIds.includes(incubatorId))
    throw notFound('Manager');
  const incubator = user.incubators.find((i) => i.id === incubatorId)!;
  if (mayInvite(caller, { role: 'incubator_manager', incubators: [incubator] }) !== 'allowed')
    throw notFound('Manager');
  await db.transaction(async (tx) => {
    await q.removeManager(tx, userId, incubatorId);
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'incubator.manager_remove',
      entity: 'user',
      entityId: userId,
      incubatorId,
    });
  });
}
