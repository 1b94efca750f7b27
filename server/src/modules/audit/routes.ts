import { AuditEntry, AuditQuery, pageOf } from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { iso } from '../../db/iso';
import { readProblems } from '../problem-responses';
import { listAudit } from './queries';

export async function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/audit',
    {
      schema: {
        operationId: 'listAuditEntries',
        tags: ['audit'],
        summary: 'Who changed what, when, before and after (national: all; manager: its incubators)',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry), ...readProblems },
      },
      config: { roles: ['national', 'incubator_manager'] },
    },
    async (request) => {
      const caller = request.user;
      const rows = await listAudit(app.db, caller, request.query);
      return {
        items: rows.map(({ total: _, ...row }) => ({ ...row, at: iso(row.at) })),
        total: rows[0]?.total ?? 0,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
}
