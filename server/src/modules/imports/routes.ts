import multipart from '@fastify/multipart';
import {
  IMPORT_MAX_BYTES,
  Import,
  ImportCommitResult,
  ImportGetQuery,
  ImportKindQuery,
  ImportMappingBody,
  ImportUploadQuery,
  InvestmentTotalsQuery,
  ReportListQuery,
  TenantListQuery,
} from '@torch/shared';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest } from '../../errors';
import { shed } from '../../plugins/limits';
import { readProblems, writeProblems } from '../problem-responses';
import * as exports from './exports';
import { ProgressBoard } from './progress';
import * as service from './service';
import { errorWorkbook } from './sheets';
import { importSteps } from './steps';

const Params = z.object({ id: z.uuid() });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Xlsx = z.any().describe('an XLSX workbook');

/** `ascii` for old clients; browsers take the Chinese name from filename*. */
function sendXlsx(reply: FastifyReply, ascii: string, name: string, data: Buffer) {
  return reply
    .type(XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`,
    )
    .send(data);
}

const managers = { roles: ['incubator_manager' as const] };
const readers = { roles: ['national' as const, 'province' as const, 'incubator_manager' as const] };

export async function importRoutes(app: FastifyInstance) {
  // Only this module takes uploads; a file over the limit is a 413.
  await app.register(multipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 2 },
    throwFileSizeLimit: true,
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  // This process's running uploads and commits; on PostgreSQL in import_progress too, for the others.
  const board = new ProgressBoard(app.db, app.database.kind === 'postgres');
  const steps = importSteps(app.database.kind);

  r.post(
    '/incubators/:id/imports',
    {
      schema: {
        operationId: 'createImport',
        tags: ['imports'],
        summary:
          'Upload a spreadsheet (multipart, one `file`: .xlsx or .csv): validated, nothing written yet',
        consumes: ['multipart/form-data'],
        params: Params,
        querystring: ImportUploadQuery,
        response: { 201: Import, ...writeProblems },
      },
      config: managers,
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw badRequest('Send the file as multipart/form-data', [{ path: 'file', message: 'required' }]);
      const file = await request.file();
      if (!file) throw badRequest('No file was sent', [{ path: 'file', message: 'required' }]);
      const data = await file.toBuffer();
      const result = await service.upload(
        app.db,
        board,
        steps,
        request.user,
        request.params.id,
        request.query.kind,
        { name: file.filename, data },
        request.query.id,
      );
      return reply.status(201).send(result);
    },
  );

  r.get(
    '/imports/:id',
    {
      schema: {
        operationId: 'getImport',
        tags: ['imports'],
        summary: 'An import: status, progress, row errors',
        params: Params,
        querystring: ImportGetQuery,
        response: { 200: Import, 204: z.null(), ...readProblems },
      },
      config: {
        ...managers,
        // The work's own polls are answered from memory: never shed, even while the work (on PGlite
        // one statement of it runs on this thread) is what delays the event loop.
        pressureHandler: (request: FastifyRequest, reply: FastifyReply, type: string, value?: number) => {
          const { id } = request.params as { id?: string };
          if (!id || !board.local(id)) shed(reply, type, value);
        },
      },
    },
    async (request, reply) => {
      const found = await service.get(
        app.db,
        board,
        request.user,
        request.params.id,
        request.query.uploading,
      );
      return found ? found : reply.status(204).send(null);
    },
  );

  r.put(
    '/imports/:id/mapping',
    {
      schema: {
        operationId: 'setImportMapping',
        tags: ['imports'],
        summary: "Say what unknown headers mean (kept for the incubator's next imports) and validate again",
        params: Params,
        body: ImportMappingBody,
        response: { 200: Import, ...writeProblems },
      },
      config: managers,
    },
    async (request) =>
      service.setMapping(app.db, board, steps, request.user, request.params.id, request.body),
  );

  r.post(
    '/imports/:id/commit',
    {
      schema: {
        operationId: 'commitImport',
        tags: ['imports'],
        summary: 'Write every row in one transaction, or none',
        params: Params,
        response: { 200: ImportCommitResult, ...writeProblems },
      },
      config: managers,
    },
    async (request) => service.commit(app.db, board, steps, request.user, request.params.id),
  );

  r.get(
    '/imports/:id/file',
    {
      schema: {
        operationId: 'downloadImportFile',
        tags: ['imports'],
        summary: 'The uploaded rows with an error column added (XLSX)',
        params: Params,
        response: { 200: Xlsx, ...readProblems },
      },
      config: managers,
    },
    async (request, reply) => {
      const { rows, headerIndex, result } = await service.withRows(app.db, request.user, request.params.id);
      return sendXlsx(
        reply,
        'import-result',
        `导入结果-${result.fileName.replace(/\.[^.]+$/, '')}`,
        await errorWorkbook(rows, headerIndex, result.errors, result.warnings),
      );
    },
  );

  r.get(
    '/incubators/:id/imports/template',
    {
      schema: {
        operationId: 'downloadImportTemplate',
        tags: ['imports'],
        summary: 'An XLSX template: headers, an example row, drop-down lists',
        params: Params,
        querystring: ImportKindQuery,
        response: { 200: Xlsx, ...readProblems },
      },
      config: readers,
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        `import-template-${request.query.kind}`,
        request.query.kind === 'tenants' ? '在孵企业导入模板' : '年度报表导入模板',
        await exports.templateXlsx(app.db, request.user, request.params.id, request.query.kind),
      ),
  );

  r.get(
    '/incubators/:id/tenants/export',
    {
      schema: {
        operationId: 'exportIncubatorTenants',
        tags: ['imports'],
        summary: "The incubator's tenants as XLSX (the list's filters)",
        params: Params,
        querystring: TenantListQuery,
        response: { 200: Xlsx, ...readProblems },
      },
      config: readers,
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        'tenants',
        '在孵企业',
        await exports.tenantsXlsx(app.db, request.user, request.params.id, request.query),
      ),
  );

  r.get(
    '/incubators/:id/reports/export',
    {
      schema: {
        operationId: 'exportIncubatorReports',
        tags: ['imports'],
        summary: "The incubator's yearly figures as XLSX (filters: status, year)",
        params: Params,
        querystring: ReportListQuery,
        response: { 200: Xlsx, ...readProblems },
      },
      config: readers,
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        'reports',
        '年度报表',
        await exports.reportsXlsx(app.db, request.user, request.params.id, request.query),
      ),
  );

  r.get(
    '/incubators/:id/investments/export',
    {
      schema: {
        operationId: 'exportIncubatorInvestments',
        tags: ['imports'],
        summary: "The incubator's investments as XLSX (filter: year)",
        params: Params,
        querystring: InvestmentTotalsQuery,
        response: { 200: Xlsx, ...readProblems },
      },
      config: readers,
    },
    async (request, reply) =>
      sendXlsx(
        reply,
        'investments',
        '投融资',
        await exports.investmentsXlsx(app.db, request.user, request.params.id, request.query.year),
      ),
  );
}
