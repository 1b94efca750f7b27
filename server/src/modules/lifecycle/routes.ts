import {
  ExitBody,
  GraduationBody,
  GraduationEligibilityOut,
  GraduationEligibilityQuery,
  Tenant,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });

export async function lifecycleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/tenants/:id/graduation-eligibility',
    {
      schema: {
        operationId: 'getGraduationEligibility',
        tags: ['lifecycle'],
        summary: 'Which graduation criteria the records prove, and why (as of a date, default today)',
        params: Params,
        querystring: GraduationEligibilityQuery,
        response: { 200: GraduationEligibilityOut, ...readProblems },
      },
    },
    async (request) => service.eligibility(app.db, request.user, request.params.id, request.query),
  );

  r.post(
    '/tenants/:id/graduation',
    {
      schema: {
        operationId: 'graduateTenant',
        tags: ['lifecycle'],
        summary: 'Graduate a tenant (manager); claimed criteria the records do not prove need evidence',
        params: Params,
        body: GraduationBody,
        response: { 200: Tenant, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) => {
      const caller = request.user;
      return service.graduate(app.db, caller, request.params.id, request.body);
    },
  );

  r.post(
    '/tenants/:id/exit',
    {
      schema: {
        operationId: 'recordTenantExit',
        tags: ['lifecycle'],
        summary: 'Record that an incubating tenant left (manager)',
        params: Params,
        body: ExitBody,
        response: { 200: Tenant, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) => {
      const caller = request.user;
      return service.exit(app.db, caller, request.params.id, request.body);
    },
  );
}
