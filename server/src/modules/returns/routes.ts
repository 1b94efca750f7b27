import {
  AnnualReturn,
  Completeness,
  CompletenessQuery,
  pageOf,
  ReturnDeadline,
  ReturnDeadlineSet,
  ReturnListItem,
  ReturnListQuery,
  ReturnParams,
  ReturnReopen,
  ReturnSave,
  ReturnSendBack,
  ReturnYear,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems, writeProblems } from '../problem-responses';
import { type CacheOutcome, StatsCache } from '../stats/cache';
import { CACHE_NOTE, sendCached, serializedOnce } from '../stats/cached-reply';
import * as review from './review';
import * as service from './service';
import * as workflow from './workflow';

const tags = ['returns'];
const reviewers = ['national', 'province'] as const;
const answer = { 200: AnnualReturn, ...writeProblems };

export async function returnRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new StatsCache();
  const completenessJson = serializedOnce(Completeness);

  r.get(
    '/incubators/:id/returns/:year',
    {
      schema: {
        operationId: 'getAnnualReturn',
        tags,
        summary:
          "An incubator's annual statistical return (年度统计报表): figures, computed tenant aggregates, flags, comments, history",
        description:
          'A return never saved answers `status: "draft"`, version 0, figures prefilled from the incubator record and last year\'s return.',
        params: ReturnParams,
        response: { 200: AnnualReturn, ...readProblems },
      },
      config: { roles: ['national', 'province', 'incubator_manager'] },
    },
    async (request) => service.get(app.db, cache, request.user, request.params.id, request.params.year),
  );

  r.put(
    '/incubators/:id/returns/:year',
    {
      schema: {
        operationId: 'saveAnnualReturn',
        tags,
        summary: 'Save the draft (manager): figures and explanations of warnings; carries the version read',
        params: ReturnParams,
        body: ReturnSave,
        response: answer,
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) =>
      service.save(app.db, cache, request.user, request.params.id, request.params.year, request.body),
  );

  r.post(
    '/incubators/:id/returns/:year/submit',
    {
      schema: {
        operationId: 'submitAnnualReturn',
        tags,
        summary: 'Submit to the province (manager); 422 while an error stands or a warning is unexplained',
        params: ReturnParams,
        response: answer,
      },
      config: { roles: ['incubator_manager'] },
    },
    async (request) => workflow.submit(app.db, cache, request.user, request.params.id, request.params.year),
  );

  r.post(
    '/incubators/:id/returns/:year/approve',
    {
      schema: {
        operationId: 'approveAnnualReturn',
        tags,
        summary: 'Approve a submitted return (its province)',
        params: ReturnParams,
        response: answer,
      },
      config: { roles: ['province'] },
    },
    async (request) => workflow.approve(app.db, cache, request.user, request.params.id, request.params.year),
  );

  r.post(
    '/incubators/:id/returns/:year/accept',
    {
      schema: {
        operationId: 'acceptAnnualReturn',
        tags,
        summary:
          'Accept an approved return (national): snapshots it into the official statistics and locks it',
        params: ReturnParams,
        response: answer,
      },
      config: { roles: ['national'] },
    },
    async (request) => workflow.accept(app.db, cache, request.user, request.params.id, request.params.year),
  );

  r.post(
    '/incubators/:id/returns/:year/return',
    {
      schema: {
        operationId: 'returnAnnualReturn',
        tags,
        summary: 'Send back to the manager with a comment and comments per field (province, national)',
        params: ReturnParams,
        body: ReturnSendBack,
        response: answer,
      },
      config: { roles: reviewers },
    },
    async (request) =>
      workflow.sendBack(app.db, cache, request.user, request.params.id, request.params.year, request.body),
  );

  r.post(
    '/incubators/:id/returns/:year/reopen',
    {
      schema: {
        operationId: 'reopenAnnualReturn',
        tags,
        summary: 'Reopen an accepted return with a reason (national); it leaves the official statistics',
        params: ReturnParams,
        body: ReturnReopen,
        response: answer,
      },
      config: { roles: ['national'] },
    },
    async (request) =>
      workflow.reopen(
        app.db,
        cache,
        request.user,
        request.params.id,
        request.params.year,
        request.body.reason,
      ),
  );

  r.get(
    '/returns',
    {
      schema: {
        operationId: 'listAnnualReturns',
        tags,
        summary:
          'The review queue: returns of a year in scope (filters: status, province), oldest submission first',
        querystring: ReturnListQuery,
        response: { 200: pageOf(ReturnListItem), ...readProblems },
      },
      config: { roles: reviewers },
    },
    async (request) => review.list(app.db, request.user, request.query),
  );

  r.get(
    '/returns/completeness',
    {
      schema: {
        operationId: 'getReturnsCompleteness',
        tags,
        summary:
          'Expected, submitted, approved, accepted and on time: by province (national) or incubator (province)',
        description: CACHE_NOTE,
        querystring: CompletenessQuery,
        response: { 200: Completeness, ...readProblems },
      },
      config: { roles: reviewers },
    },
    async (request, reply) => {
      const seen: CacheOutcome = {};
      const body = await review.completeness(app.db, cache, request.user, request.query, seen);
      return sendCached(reply, completenessJson, body, seen);
    },
  );

  const YearParams = z.object({ year: ReturnYear });

  r.get(
    '/returns/deadlines/:year',
    {
      schema: {
        operationId: 'getReturnDeadline',
        tags,
        summary: "A year's deadline (31 January of the next year unless national set another)",
        params: YearParams,
        response: { 200: ReturnDeadline, ...readProblems },
      },
      config: { roles: ['national', 'province', 'incubator_manager'] },
    },
    async (request) => review.getDeadline(app.db, request.params.year),
  );

  r.put(
    '/returns/deadlines/:year',
    {
      schema: {
        operationId: 'setReturnDeadline',
        tags,
        summary: "Set a year's deadline (national)",
        params: YearParams,
        body: ReturnDeadlineSet,
        response: { 200: ReturnDeadline, ...writeProblems },
      },
      config: { roles: ['national'] },
    },
    async (request) => review.setDeadline(app.db, request.user, request.params.year, request.body.deadline),
  );
}
