import {
  Incubator,
  IncubatorCreate,
  IncubatorCreated,
  IncubatorListQuery,
  IncubatorPatch,
  pageOf,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaSerializerCompiler } from '../../json-serializer';
import { linkContext } from '../invitations/routes';
import { readProblems, writeProblems } from '../problem-responses';
import * as service from './service';

const Params = z.object({ id: z.uuid() });

export async function incubatorRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/incubators',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: {
        operationId: 'listIncubators',
        tags: ['incubators'],
        summary: 'Incubators the caller may see',
        querystring: IncubatorListQuery,
        response: { 200: pageOf(Incubator), ...readProblems },
      },
    },
    async (request) => service.list(app.db, request.user, request.query),
  );

  r.post(
    '/incubators',
    {
      schema: {
        operationId: 'createIncubator',
        tags: ['incubators'],
        summary: 'Register an incubator (national), optionally inviting its first manager',
        body: IncubatorCreate,
        response: { 201: IncubatorCreated, ...writeProblems },
      },
      config: { roles: ['national'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply
        .status(201)
        .send(await service.create(app.db, caller, request.body, linkContext(app, request)));
    },
  );

  r.get(
    '/incubators/:id',
    {
      schema: {
        operationId: 'getIncubator',
        tags: ['incubators'],
        summary: 'One incubator',
        params: Params,
        response: { 200: Incubator, ...readProblems },
      },
    },
    async (request) => service.get(app.db, request.user, request.params.id),
  );

  r.patch(
    '/incubators/:id',
    {
      schema: {
        operationId: 'updateIncubator',
        tags: ['incubators'],
        summary: 'Edit an incubator (its manager or national); carries the version read',
        params: Params,
        body: IncubatorPatch,
        response: { 200: Incubator, ...writeProblems },
      },
    },
    async (request) => service.patch(app.db, request.user, request.params.id, request.body),
  );
}
