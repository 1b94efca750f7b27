import { IncubatorDashboard } from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems } from '../problem-responses';
import { dashboard } from './service';

const Params = z.object({ id: z.uuid() });

export async function dashboardRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/incubators/:id/dashboard',
    {
      schema: {
        operationId: 'getIncubatorDashboard',
        tags: ['dashboard'],
        summary:
          'KPI tiles of an incubator and the tenants that need attention (overdue, admission exceptions)',
        params: Params,
        response: { 200: IncubatorDashboard, ...readProblems },
      },
    },
    async (request) => dashboard(app.db, request.user, request.params.id),
  );
}
