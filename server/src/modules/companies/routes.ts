import { Company, CompanyDetail, CompanyListQuery, pageOf } from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaSerializerCompiler } from '../../json-serializer';
import { readProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });

export async function companyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/companies',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: {
        operationId: 'searchCompanies',
        tags: ['companies'],
        summary:
          'Companies by name or USCC prefix, across incubators (national; a province: with a stay in it)',
        querystring: CompanyListQuery,
        response: { 200: pageOf(Company), ...readProblems },
      },
      config: { roles: ['national', 'province'] },
    },
    async (request) => service.search(app.db, request.user, request.query),
  );

  r.get(
    '/companies/:id',
    {
      schema: {
        operationId: 'getCompany',
        tags: ['companies'],
        summary: 'One company and every tenancy it had, in scope',
        params: Params,
        response: { 200: CompanyDetail, ...readProblems },
      },
      config: { roles: ['national', 'province'] },
    },
    async (request) => service.get(app.db, request.user, request.params.id),
  );
}
