import {
  IncubatorInvestmentTotals,
  Investment,
  InvestmentFields,
  InvestmentTotalsQuery,
  TenantInvestments,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaSerializerCompiler } from '../../json-serializer';
import { readProblems, writeProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });

export async function investmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/tenants/:id/investments',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: {
        operationId: 'listTenantInvestments',
        tags: ['investments'],
        summary: 'Investments recorded under a tenancy, oldest first, with totals by investor kind',
        params: Params,
        response: { 200: TenantInvestments, ...readProblems },
      },
    },
    async (request) => service.listOfTenant(app.db, request.user, request.params.id),
  );

  r.post(
    '/tenants/:id/investments',
    {
      schema: {
        operationId: 'createInvestment',
        tags: ['investments'],
        summary: 'Record an investment into a tenant (manager); a parallel investment is capped (422)',
        params: Params,
        // The shape only: the domain rules (checkInvestment) answer 422 from the service.
        body: InvestmentFields,
        response: { 201: Investment, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply.status(201).send(await service.create(app.db, caller, request.params.id, request.body));
    },
  );

  r.get(
    '/incubators/:id/investments/totals',
    {
      schema: {
        operationId: 'getIncubatorInvestmentTotals',
        tags: ['investments'],
        summary: "Investments into an incubator's tenants by investor kind; incubator investments separately",
        params: Params,
        querystring: InvestmentTotalsQuery,
        response: { 200: IncubatorInvestmentTotals, ...readProblems },
      },
    },
    async (request) => service.totalsOfIncubator(app.db, request.user, request.params.id, request.query),
  );
}
