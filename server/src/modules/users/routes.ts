import { InvitationCreated, pageOf, UserListQuery, UserPatch, UserSummary } from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { linkContext } from '../invitations/routes';
import { readProblems, writeProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });
const MANAGERS = ['national', 'province', 'incubator_manager'] as const;

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/users',
    {
      schema: {
        operationId: 'listUsers',
        tags: ['accounts'],
        summary:
          'Accounts in scope (national: all; province: its own and its incubators’; manager: its incubators’)',
        querystring: UserListQuery,
        response: { 200: pageOf(UserSummary), ...readProblems },
      },
      config: { roles: MANAGERS },
    },
    async (request) => service.list(app.db, request.user, request.query),
  );

  r.patch(
    '/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        tags: ['accounts'],
        summary:
          'Disable, enable or rename an account (who could invite it); disabling ends its sessions at once',
        params: Params,
        body: UserPatch,
        response: { 200: UserSummary, ...writeProblems },
      },
      config: { roles: MANAGERS },
    },
    async (request) => {
      const { user, ended } = await service.patch(app.db, request.user, request.params.id, request.body);
      for (const sessionId of ended) app.sessionScopes.forget(sessionId);
      return user;
    },
  );

  r.post(
    '/users/:id/password-reset',
    {
      schema: {
        operationId: 'createPasswordReset',
        tags: ['accounts'],
        summary: 'A one-time link (7 days) for the account to set a new password',
        params: Params,
        response: { 201: InvitationCreated, ...writeProblems },
      },
      config: { roles: MANAGERS },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.resetLink(app.db, request.user, request.params.id, linkContext(app, request))),
  );

  r.delete(
    '/incubators/:id/managers/:userId',
    {
      schema: {
        operationId: 'removeIncubatorManager',
        tags: ['accounts'],
        summary: 'Remove a manager from an incubator; holds from that manager’s next request',
        params: z.object({ id: z.uuid(), userId: z.uuid() }),
        response: { 204: z.null(), ...writeProblems },
      },
      config: { roles: MANAGERS },
    },
    async (request, reply) => {
      await service.removeManager(app.db, request.user, request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
