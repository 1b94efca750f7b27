// Decorates the app with the database it was built with; the process that opened it closes it.
// Each request runs in a scope context of its own (db/scoped-client.ts), declared once the caller
// is known. On PostgreSQL as the app role it also holds a lease: one connection from its first
// statement until the response is sent.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database, Db } from '../db/client';
import { runRequest } from '../db/scoped-client';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
  }
}

export default fp(
  async (app: FastifyInstance, opts: { database: Database }) => {
    app.decorate('database', opts.database);
    app.decorate('db', opts.database.db);
    const newLease = opts.database.lease;
    app.addHook('onRequest', (_request, reply, done) => {
      const lease = newLease?.();
      if (lease) {
        // A response emits 'close' once it has been sent and when its client is gone first.
        reply.raw.once('close', () => lease.release());
      }
      runRequest(lease, done);
    });
  },
  { name: 'db' },
);
