// Invitations and reset links: made by whoever may invite that account (policy.ts), shown once,
// mailed where SMTP is set, spent once within 7 days (accept.ts spends them).
import { randomBytes } from 'node:crypto';
import {
  type Invitation,
  type InvitationCreate,
  type InvitationCreated,
  type InvitationListQuery,
  type InvitationPreview,
  PROVINCES,
} from '@torch/shared';
import type { FastifyBaseLogger } from 'fastify';
import { writeAudit } from '../../audit';
import type { Db, Tx } from '../../db/client';
import { iso } from '../../db/iso';
import { badRequest, conflict, forbidden, gone, notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { sha256 } from '../auth/service';
import type { Mailer } from '../mail/mailer';
import { invitationMail } from './mail-text';
import { mayInvite, type Place } from './policy';
import * as q from './queries';

export const LINK_DAYS = 7;

const PROVINCE_NAMES = new Map(PROVINCES.map((p) => [p.code, p.nameZh]));

/** Where links point and who mails them: the request's own origin, the app's mailer. */
export interface LinkContext {
  origin: string;
  mailer: Mailer | null;
  log: FastifyBaseLogger;
}

type Row = NonNullable<q.InvitationRow>;

function organisationOf(row: Pick<Row, 'role' | 'provinceCode' | 'incubatorName' | 'companyName'>) {
  if (row.role === 'tenant') return row.companyName;
  if (row.role === 'incubator_manager') return row.incubatorName;
  if (row.role === 'province')
    return row.provinceCode ? (PROVINCE_NAMES.get(row.provinceCode) ?? null) : null;
  return null;
}

export function toInvitation(row: Row): Invitation {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    name: row.name,
    role: row.role,
    provinceCode: row.provinceCode,
    incubatorId: row.incubatorId,
    tenantId: row.tenantId,
    companyId: row.companyId,
    organisation: organisationOf(row),
    status: row.status,
    invitedBy: row.invitedBy,
    expiresAt: iso(row.expiresAt),
    createdAt: iso(row.createdAt),
  };
}

const fieldError = (path: string, message: string) =>
  badRequest('The request is not valid', [{ path, message }]);

/** The place the new account will belong to, checked for existence and for the caller's right. */
async function placeOf(db: Db | Tx, caller: Caller, body: InvitationCreate) {
  const extra = (['provinceCode', 'incubatorId', 'tenantId'] as const).filter((k) => body[k] !== undefined);
  const needs = {
    national: null,
    province: 'provinceCode',
    incubator_manager: 'incubatorId',
    tenant: 'tenantId',
  }[body.role];
  for (const key of extra) if (key !== needs) throw fieldError(key, 'not_for_role');
  let values: {
    provinceCode: string | null;
    incubatorId: string | null;
    tenantId: string | null;
    companyId: string | null;
  } = {
    provinceCode: null,
    incubatorId: null,
    tenantId: null,
    companyId: null,
  };
  const place: Place = { role: body.role, incubators: [] };
  if (body.role === 'province') {
    if (!body.provinceCode) throw fieldError('provinceCode', 'required');
    if (!PROVINCE_NAMES.has(body.provinceCode)) throw fieldError('provinceCode', 'unknown_province');
    values = { ...values, provinceCode: body.provinceCode };
  } else if (body.role === 'incubator_manager') {
    if (!body.incubatorId) throw fieldError('incubatorId', 'required');
    const incubator = await q.findIncubator(db, body.incubatorId);
    if (!incubator) throw notFound('Incubator');
    place.incubators.push(incubator);
    values = { ...values, incubatorId: incubator.id };
  } else if (body.role === 'tenant') {
    if (!body.tenantId) throw fieldError('tenantId', 'required');
    const tenancy = await q.findTenancy(db, body.tenantId);
    if (!tenancy) throw notFound('Tenant');
    place.incubators.push({ id: tenancy.incubatorId, provinceCode: tenancy.provinceCode });
    values = {
      ...values,
      incubatorId: tenancy.incubatorId,
      tenantId: tenancy.id,
      companyId: tenancy.companyId,
    };
  }
  const decision = mayInvite(caller, place);
  if (decision === 'forbidden') throw forbidden(`You may not invite this role (${body.role})`);
  if (decision === 'not_found') throw notFound(body.role === 'tenant' ? 'Tenant' : 'Incubator');
  return values;
}

/** A fresh link row in `tx`; the token itself leaves only through the answer (and the mail). */
export async function insertLink(
  tx: Tx,
  caller: Caller,
  values: Omit<Parameters<typeof q.insertInvitation>[1], 'tokenHash' | 'expiresAt' | 'invitedBy'>,
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + LINK_DAYS * 86_400_000).toISOString();
  const id = await q.insertInvitation(tx, {
    ...values,
    tokenHash: sha256(token),
    expiresAt,
    invitedBy: caller.userId,
  });
  return { id, token, expiresAt };
}

/** After the commit: the answer with the link, mailed where SMTP is set (a failed mail is logged, not fatal). */
export async function deliver(
  db: Db,
  ctx: LinkContext,
  link: { id: string; token: string },
): Promise<InvitationCreated> {
  const row = (await q.findByTokenHash(db, sha256(link.token)))!;
  const url = `${ctx.origin}/invite/${link.token}`;
  let mailed = false;
  if (ctx.mailer) {
    try {
      const words = invitationMail({
        ...row,
        organisation: organisationOf(row),
        inviter: row.invitedBy,
        url,
      });
      await ctx.mailer.send({ to: row.email, ...words });
      mailed = true;
    } catch (error) {
      ctx.log.warn({ err: error }, 'the invitation mail could not be sent');
    }
  }
  return { id: row.id, email: row.email, role: row.role, expiresAt: iso(row.expiresAt), url, mailed };
}

export async function create(db: Db, caller: Caller, body: InvitationCreate, ctx: LinkContext) {
  const link = await db.transaction(async (tx) => {
    const values = await placeOf(tx, caller, body);
    if (await q.emailTaken(tx, body.email))
      throw conflict('A user with this email already exists', [{ path: 'email', message: 'email_taken' }]);
    const link = await insertLink(tx, caller, {
      kind: 'invite',
      email: body.email,
      name: body.name,
      role: body.role,
      ...values,
    });
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'invitation.create',
      entity: 'invitation',
      entityId: link.id,
      incubatorId: values.incubatorId,
      after: { email: body.email, role: body.role, ...values },
    });
    return link;
  });
  return deliver(db, ctx, link);
}

/** Invitations of the first manager, made with the incubator (incubators/service.ts) in its transaction. */
export async function inviteFirstManager(
  tx: Tx,
  caller: Caller,
  incubatorId: string,
  manager: { email: string; name: string },
) {
  if (await q.emailTaken(tx, manager.email)) {
    throw conflict('A user with this email already exists', [
      { path: 'manager.email', message: 'email_taken' },
    ]);
  }
  const link = await insertLink(tx, caller, {
    kind: 'invite',
    role: 'incubator_manager',
    incubatorId,
    ...manager,
  });
  await writeAudit(tx, {
    userId: caller.userId,
    action: 'invitation.create',
    entity: 'invitation',
    entityId: link.id,
    incubatorId,
    after: { email: manager.email, role: 'incubator_manager', incubatorId },
  });
  return link;
}

export async function list(db: Db, caller: Caller, query: InvitationListQuery) {
  const rows = await q.listInvitations(db, caller, query);
  return { items: rows.map(toInvitation), total: rows.length };
}

export async function revoke(db: Db, caller: Caller, id: string) {
  await db.transaction(async (tx) => {
    const row = await q.findVisible(tx, caller, id);
    if (!row) throw notFound('Invitation');
    if (row.status === 'used') throw conflict('The link was already used');
    await q.revoke(tx, id);
    await writeAudit(tx, {
      userId: caller.userId,
      action: row.kind === 'reset' ? 'user.reset_revoke' : 'invitation.revoke',
      entity: 'invitation',
      entityId: id,
      incubatorId: row.incubatorId,
    });
  });
}

/** A new link for an invitation not yet used (the old link stops working). */
export async function resend(db: Db, caller: Caller, id: string, ctx: LinkContext) {
  const link = await db.transaction(async (tx) => {
    const row = await q.findVisible(tx, caller, id);
    if (!row) throw notFound('Invitation');
    if (row.status === 'used') throw conflict('The link was already used');
    await q.revoke(tx, id);
    const { kind, email, name, role, provinceCode, incubatorId, tenantId, companyId, userId } = row;
    const link = await insertLink(tx, caller, {
      kind,
      email,
      name,
      role,
      provinceCode,
      incubatorId,
      tenantId,
      companyId,
      userId,
    });
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'invitation.resend',
      entity: 'invitation',
      entityId: link.id,
      incubatorId,
      before: { id },
    });
    return link;
  });
  return deliver(db, ctx, link);
}

/** The link as the accept page shows it: unknown 404; used, revoked or expired 410. */
export async function preview(db: Db, token: string): Promise<InvitationPreview> {
  const row = await pendingLink(db, token);
  return {
    kind: row.kind,
    email: row.email,
    name: row.name,
    role: row.role,
    organisation: organisationOf(row),
    invitedBy: row.invitedBy,
    expiresAt: iso(row.expiresAt),
  };
}

export async function pendingLink(db: Db | Tx, token: string): Promise<Row> {
  const row = await q.findByTokenHash(db, sha256(token));
  if (!row) throw notFound('Invitation');
  if (row.status === 'used') throw gone('This link was already used');
  if (row.status === 'revoked') throw gone('This link was withdrawn');
  if (row.status === 'expired') throw gone('This link has expired');
  return row;
}
