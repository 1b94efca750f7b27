import { pageOf, Tenant, TenantCreate, TenantListQuery, TenantPatch, TenantTimeline } from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaSerializerCompiler } from '../../json-serializer';
import { readProblems, writeProblems } from '../problem-responses';
import { decide } from './pending-change';
import * as service from './service';
import { timeline } from './timeline';

const IncubatorParams = z.object({ id: z.uuid() });
const Params = z.object({ id: z.uuid() });

export async function tenantRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/incubators/:id/tenants',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: {
        operationId: 'listIncubatorTenants',
        tags: ['tenants'],
        summary: "An incubator's tenants (filters: status, field, q, overdue)",
        params: IncubatorParams,
        querystring: TenantListQuery,
        response: { 200: pageOf(Tenant), ...readProblems },
      },
    },
    async (request) => service.listOfIncubator(app.db, request.user, request.params.id, request.query),
  );

  r.post(
    '/incubators/:id/tenants',
    {
      schema: {
        operationId: 'admitTenant',
        tags: ['tenants'],
        summary: 'Admit a tenant (manager); a company that left another incubator gets a new tenancy',
        params: IncubatorParams,
        body: TenantCreate,
        response: { 201: Tenant, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply.status(201).send(await service.admit(app.db, caller, request.params.id, request.body));
    },
  );

  r.get(
    '/tenants/:id',
    {
      schema: {
        operationId: 'getTenant',
        tags: ['tenants'],
        summary: 'One tenant with its company',
        params: Params,
        response: { 200: Tenant, ...readProblems },
      },
    },
    async (request) => service.get(app.db, request.user, request.params.id),
  );

  r.patch(
    '/tenants/:id',
    {
      schema: {
        operationId: 'updateTenant',
        tags: ['tenants'],
        summary:
          'Edit a tenant: managers its fields, the company its profile fields; carries the version read',
        params: Params,
        body: TenantPatch,
        response: { 200: Tenant, ...writeProblems },
      },
    },
    async (request) => service.patch(app.db, request.user, request.params.id, request.body),
  );

  for (const [action, confirm] of [
    ['confirm', true],
    ['reject', false],
  ] as const) {
    r.post(
      `/tenants/:id/pending-change/${action}`,
      {
        schema: {
          operationId: confirm ? 'confirmTenantPendingChange' : 'rejectTenantPendingChange',
          tags: ['tenants'],
          summary: confirm
            ? "Confirm the company's deadline-moving profile change (manager): fields applied, deadline moved"
            : "Reject the company's deadline-moving profile change (manager): nothing applied",
          params: Params,
          response: { 200: Tenant, ...writeProblems },
        },
        config: { roles: ['incubator_manager'] },
      },
      async (request) => {
        await decide(app.db, request.user, request.params.id, confirm);
        return service.get(app.db, request.user, request.params.id);
      },
    );
  }

  r.get(
    '/tenants/:id/timeline',
    {
      schema: {
        operationId: 'getTenantTimeline',
        tags: ['tenants'],
        summary:
          "A tenancy's events in date order: admission, investments, listings, reports, mentoring, graduation or exit",
        params: Params,
        response: { 200: TenantTimeline, ...readProblems },
      },
    },
    async (request) => timeline(app.db, request.user, request.params.id),
  );
}
