import {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationCreated,
  InvitationListQuery,
  InvitationPreview,
  Problem,
  TokenPair,
} from '@torch/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendSession } from '../auth/session-reply';
import { readProblems, writeProblems } from '../problem-responses';
import { accept } from './accept';
import * as service from './service';

const Params = z.object({ id: z.uuid() });
const TokenParams = z.object({ token: z.string().min(1).max(200) });
const INVITERS = ['national', 'province', 'incubator_manager'] as const;

export function linkContext(app: FastifyInstance, request: FastifyRequest): service.LinkContext {
  return { origin: `${request.protocol}://${request.host}`, mailer: app.mailer, log: request.log };
}

export async function invitationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/invitations',
    {
      schema: {
        operationId: 'createInvitation',
        tags: ['accounts'],
        summary:
          'Invite someone (a one-time link, 7 days; national: any role; province: managers; manager: co-managers and tenant users)',
        body: InvitationCreate,
        response: { 201: InvitationCreated, ...writeProblems },
      },
      config: { roles: INVITERS },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.create(app.db, request.user, request.body, linkContext(app, request))),
  );

  r.get(
    '/invitations',
    {
      schema: {
        operationId: 'listInvitations',
        tags: ['accounts'],
        summary: 'Invitations and reset links in scope',
        querystring: InvitationListQuery,
        response: { 200: z.object({ items: z.array(Invitation), total: z.number().int() }), ...readProblems },
      },
      config: { roles: INVITERS },
    },
    async (request) => service.list(app.db, request.user, request.query),
  );

  r.delete(
    '/invitations/:id',
    {
      schema: {
        operationId: 'revokeInvitation',
        tags: ['accounts'],
        summary: 'Withdraw a link not yet used',
        params: Params,
        response: { 204: z.null(), ...writeProblems },
      },
      config: { roles: INVITERS },
    },
    async (request, reply) => {
      await service.revoke(app.db, request.user, request.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/invitations/:id/resend',
    {
      schema: {
        operationId: 'resendInvitation',
        tags: ['accounts'],
        summary: 'A new link for an invitation not yet used; the old link stops working',
        params: Params,
        response: { 201: InvitationCreated, ...writeProblems },
      },
      config: { roles: INVITERS },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.resend(app.db, request.user, request.params.id, linkContext(app, request))),
  );
}

/** The accept page's two calls: anyone holding the link. */
export async function publicInvitationRoutes(app: FastifyInstance, opts: { secureCookies: boolean }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/invitations/by-token/:token',
    {
      schema: {
        operationId: 'getInvitationByToken',
        tags: ['accounts'],
        summary: 'Who invites whom to what (unknown 404; used, withdrawn or expired 410)',
        params: TokenParams,
        response: { 200: InvitationPreview, 400: Problem, 404: Problem, 410: Problem },
      },
    },
    async (request) => service.preview(app.db, request.params.token),
  );

  r.post(
    '/invitations/by-token/:token/accept',
    {
      schema: {
        operationId: 'acceptInvitation',
        tags: ['accounts'],
        summary: 'Set the password and sign in (once)',
        params: TokenParams,
        body: InvitationAccept,
        response: { 200: TokenPair, 400: Problem, 404: Problem, 409: Problem, 410: Problem },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { session, ended } = await accept(app.db, request.params.token, request.body);
      for (const sessionId of ended) app.sessionScopes.forget(sessionId);
      return sendSession(app, request, reply, session, opts.secureCookies);
    },
  );
}
