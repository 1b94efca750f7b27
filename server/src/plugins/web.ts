// Serves the built dashboard (web/dist) on the API's port; unknown non-API paths get index.html
// so the client-side router can take them.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async (app: FastifyInstance, opts: { root: string }) => {
    if (!existsSync(opts.root)) {
      app.log.warn(`No dashboard build at ${opts.root}; run "pnpm build" to serve it`);
      return;
    }
    await app.register(fastifyStatic, { root: opts.root, wildcard: false, index: ['index.html'] });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) {
        return reply
          .status(404)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            title: 'Not Found',
            status: 404,
            detail: `No route ${request.method} ${request.url.split('?')[0]}`,
          });
      }
      return reply.sendFile('index.html');
    });
  },
  { name: 'web' },
);
