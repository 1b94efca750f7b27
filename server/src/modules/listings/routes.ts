import { Listing, ListingCreate } from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });

export async function listingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/tenants/:id/listings',
    {
      schema: {
        operationId: 'listTenantListings',
        tags: ['listings'],
        summary: 'Listings (IPO, 挂牌) recorded under a tenancy, oldest first',
        params: Params,
        response: { 200: z.object({ items: z.array(Listing) }), ...readProblems },
      },
    },
    async (request) => service.listOfTenant(app.db, request.user, request.params.id),
  );

  r.post(
    '/tenants/:id/listings',
    {
      schema: {
        operationId: 'createListing',
        tags: ['listings'],
        summary: 'Record a listing of an incubating or graduated tenant (manager)',
        params: Params,
        body: ListingCreate,
        response: { 201: Listing, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply.status(201).send(await service.create(app.db, caller, request.params.id, request.body));
    },
  );
}
