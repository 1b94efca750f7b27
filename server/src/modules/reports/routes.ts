import {
  PageQuery,
  pageOf,
  Report,
  ReportCreate,
  ReportListQuery,
  ReportPatch,
  ReportReturnBody,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaSerializerCompiler } from '../../json-serializer';
import { readProblems, writeProblems } from '../problem-responses';
import * as review from './review';
import * as service from './service';

const Params = z.object({ id: z.uuid() });

export async function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/tenants/:id/reports',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: {
        operationId: 'listTenantReports',
        tags: ['reports'],
        summary: 'Yearly reports filed under a tenancy, newest year first',
        params: Params,
        querystring: PageQuery,
        response: { 200: pageOf(Report), ...readProblems },
      },
    },
    async (request) =>
      service.listOfTenant(
        app.db,
        request.user,
        request.params.id,
        request.query.page,
        request.query.pageSize,
      ),
  );

  r.post(
    '/tenants/:id/reports',
    {
      schema: {
        operationId: 'createReport',
        tags: ['reports'],
        summary: "Start a year's report as a draft (the company's own users); one per company and year",
        params: Params,
        body: ReportCreate,
        response: { 201: Report, ...writeProblems },
      },
      config: { roles: ['tenant'] },
    },
    async (request, reply) => {
      const caller = request.user;
      return reply.status(201).send(await service.create(app.db, caller, request.params.id, request.body));
    },
  );

  r.get(
    '/incubators/:id/reports',
    {
      schema: {
        operationId: 'listIncubatorReports',
        tags: ['reports'],
        summary:
          "An incubator's tenant reports (filters: status, year); submitted ones waiting longest first",
        params: Params,
        querystring: ReportListQuery,
        response: { 200: pageOf(Report), ...readProblems },
      },
    },
    async (request) => review.listOfIncubator(app.db, request.user, request.params.id, request.query),
  );

  r.get(
    '/reports/:id',
    {
      schema: {
        operationId: 'getReport',
        tags: ['reports'],
        summary: 'One yearly report',
        params: Params,
        response: { 200: Report, ...readProblems },
      },
    },
    async (request) => service.get(app.db, request.user, request.params.id),
  );

  r.patch(
    '/reports/:id',
    {
      schema: {
        operationId: 'updateReport',
        tags: ['reports'],
        summary: 'Edit the figures of a draft or returned report (the company); carries the version read',
        params: Params,
        body: ReportPatch,
        response: { 200: Report, ...writeProblems },
      },
      config: { roles: ['tenant'] },
    },
    async (request) => service.patch(app.db, request.user, request.params.id, request.body),
  );

  r.post(
    '/reports/:id/submit',
    {
      schema: {
        operationId: 'submitReport',
        tags: ['reports'],
        summary: 'Submit a draft or returned report for review (the company); tenfold jumps are flagged',
        params: Params,
        response: { 200: Report, ...writeProblems },
      },
      config: { roles: ['tenant'] },
    },
    async (request) => service.submit(app.db, request.user, request.params.id),
  );

  r.post(
    '/reports/:id/approve',
    {
      schema: {
        operationId: 'approveReport',
        tags: ['reports'],
        summary: "Approve a submitted report (the incubator's manager)",
        params: Params,
        response: { 200: Report, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) => review.approve(app.db, request.user, request.params.id),
  );

  r.post(
    '/reports/:id/return',
    {
      schema: {
        operationId: 'returnReport',
        tags: ['reports'],
        summary: "Return a submitted report with a comment (the incubator's manager)",
        params: Params,
        body: ReportReturnBody,
        response: { 200: Report, ...writeProblems },
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) => review.sendBack(app.db, request.user, request.params.id, request.body),
  );
}
