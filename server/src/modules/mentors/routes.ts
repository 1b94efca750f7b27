import {
  Mentor,
  MentorCreate,
  Mentoring,
  MentoringCreate,
  MentorPatch,
  MentorWithTenants,
  PageQuery,
  pageOf,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });
const MentoringParams = z.object({ id: z.uuid(), tenantId: z.uuid() });

export async function mentorRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/incubators/:id/mentors',
    {
      schema: {
        operationId: 'listIncubatorMentors',
        tags: ['mentors'],
        summary: "An incubator's mentors with the tenants they mentor",
        params: Params,
        querystring: PageQuery,
        response: { 200: pageOf(MentorWithTenants), ...readProblems },
      },
    },
    async (request) =>
      service.listOfIncubator(
        app.db,
        request.user,
        request.params.id,
        request.query.page,
        request.query.pageSize,
      ),
  );

  r.post(
    '/incubators/:id/mentors',
    {
      schema: {
        operationId: 'createMentor',
        tags: ['mentors'],
        summary: 'Add a mentor to an incubator (manager)',
        params: Params,
        body: MentorCreate,
        response: { 201: Mentor, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply.status(201).send(await service.create(app.db, caller, request.params.id, request.body));
    },
  );

  r.patch(
    '/mentors/:id',
    {
      schema: {
        operationId: 'updateMentor',
        tags: ['mentors'],
        summary: 'Edit a mentor (manager); carries the version read',
        params: Params,
        body: MentorPatch,
        response: { 200: Mentor, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) => {
      const caller = request.user;
      return service.patch(app.db, caller, request.params.id, request.body);
    },
  );

  r.post(
    '/mentors/:id/tenants',
    {
      schema: {
        operationId: 'assignMentorTenant',
        tags: ['mentors'],
        summary: 'A mentor takes on a tenant of the same incubator (manager)',
        params: Params,
        body: MentoringCreate,
        response: { 201: Mentoring, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply.status(201).send(await service.addTenant(app.db, caller, request.params.id, request.body));
    },
  );

  r.delete(
    '/mentors/:id/tenants/:tenantId',
    {
      schema: {
        operationId: 'endMentorTenant',
        tags: ['mentors'],
        summary: 'End a mentoring relation (manager)',
        params: MentoringParams,
        response: { 204: z.null(), ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request, reply) => {
      const caller = request.user;
      await service.removeTenant(app.db, caller, request.params.id, request.params.tenantId);
      return reply.status(204).send(null);
    },
  );
}
