// Reference data is fixed by migration: served from the shared package, no query needed.
import {
  FIELDS,
  FieldOut,
  incubationLimitMonths,
  PARKS,
  ParkOut,
  PROVINCES,
  ProvinceOut,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems } from '../problem-responses';

const fieldsOut = FIELDS.map((f) => ({ ...f, incubationMonths: incubationLimitMonths({ field: f.code }) }));

export async function referenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/provinces',
    {
      schema: {
        operationId: 'listProvinces',
        tags: ['reference'],
        summary: 'The 31 provinces',
        response: { 200: z.array(ProvinceOut), ...readProblems },
      },
    },
    async () => [...PROVINCES],
  );
  r.get(
    '/parks',
    {
      schema: {
        operationId: 'listParks',
        tags: ['reference'],
        summary: 'The 54 national STIPs',
        response: { 200: z.array(ParkOut), ...readProblems },
      },
    },
    async () => [...PARKS],
  );
  r.get(
    '/fields',
    {
      schema: {
        operationId: 'listFields',
        tags: ['reference'],
        summary: 'Technology fields',
        response: { 200: z.array(FieldOut), ...readProblems },
      },
    },
    async () => fieldsOut,
  );
}
