// The OpenAPI document, generated from the same zod schemas that validate requests. Fit for client
// generators: every operation names itself (an explicit `operationId` in its route schema) and has
// tags; `redocly lint` (redocly.yaml) and openapi-typescript check it in the suite
// (tests/api/openapi-clients.test.ts).
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Torch Incubator Platform API',
          description: 'System of record for Torch Program technology business incubators (科技企业孵化器).',
          version: '1.0.0',
          license: { name: 'Proprietary: all rights reserved' },
        },
        // Relative: the server that serves this document (at /api/openapi.json).
        servers: [{ url: '/', description: 'The server that serves this document' }],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
        security: [{ bearer: [] }],
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
