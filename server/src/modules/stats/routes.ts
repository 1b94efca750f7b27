import {
  Problem,
  StatsExportQuery,
  StatsSummary,
  StatsSummaryQuery,
  StatsTimeseries,
  StatsTimeseriesQuery,
} from '@torch/shared';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readProblems } from '../problem-responses';
import { type CacheOutcome, StatsCache } from './cache';
import { CACHE_NOTE, sendCached, serializedOnce } from './cached-reply';
import { attachment, toCsv, toXlsx, yearbookTable } from './export';
import { expensiveStatsLimit, Gate } from './gate';
import * as service from './service';

const SOURCES = `\`source=live\` counts every record now in the system. \`source=official\` counts accepted annual
returns only, as they were accepted (year-ends only), and states \`coverage: { expected, accepted }\`; where no
return of the year is accepted it answers 200 with \`available: false\`, \`reason: "no_accepted_returns"\`, no
rows and \`total: null\` rather than inventing numbers.`;

const DEFINITIONS = `For a year Y the figures are as of Y-12-31; with \`asOf\` (a date in Y) stocks are as of that
day and flows count Jan 1..asOf (the last year-end's figures plus that year's records, so slower). Rows add up to \`total\` for every
indicator; grouping by \`field\` (the tenant company's field) leaves \`incubators\` null in rows and
counts it only in the total. Money is integer yuan. Definitions: docs/statistics.md.`;

export async function statsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // On the embedded database the next as-of computation waits while other requests are in flight.
  const othersBusy = (atGate: number) => app.requestsInFlight() > atGate;
  const gate = new Gate(expensiveStatsLimit(app.database.kind), {
    ...(app.database.kind === 'pglite' ? { othersBusy } : {}),
  });
  const cache = new StatsCache(gate);
  /** Statistics are for the Torch Center, the provinces and incubators; not for tenant users. */
  const STATS_READERS = ['national', 'province', 'incubator_manager'] as const;
  const summaryJson = serializedOnce(StatsSummary);
  const timeseriesJson = serializedOnce(StatsTimeseries);

  r.get(
    '/stats/summary',
    {
      schema: {
        operationId: 'getStatsSummary',
        tags: ['stats'],
        summary:
          'Statistics for a year or an as-of date, grouped (national; province: own; manager: own incubators)',
        description: `${DEFINITIONS}\n\n${SOURCES}\n\n${CACHE_NOTE}`,
        querystring: StatsSummaryQuery,
        response: { 200: StatsSummary, ...readProblems, 429: Problem },
      },
      // An as-of date recomputes from the records; a year-end answer is read from the cube.
      config: {
        roles: STATS_READERS,
        rateLimit: app.expensive((request) => !(request.query as { asOf?: string }).asOf),
      },
    },
    async (request, reply) => {
      // Computed first: a refusal must reach the error handler's own serializer.
      const seen: CacheOutcome = {};
      const body = await service.summary(app.db, cache, request.user, request.query, seen);
      return sendCached(reply, summaryJson, body, seen);
    },
  );

  r.get(
    '/stats/timeseries',
    {
      schema: {
        operationId: 'getStatsTimeseries',
        tags: ['stats'],
        summary: 'One indicator per year (as of each Dec 31), in total and optionally per group',
        description: `${SOURCES}\n\n${CACHE_NOTE}`,
        querystring: StatsTimeseriesQuery,
        response: { 200: StatsTimeseries, ...readProblems },
      },
      config: { roles: STATS_READERS },
    },
    async (request, reply) => {
      const seen: CacheOutcome = {};
      const body = await service.timeseries(app.db, cache, request.user, request.query, seen);
      return sendCached(reply, timeseriesJson, body, seen);
    },
  );

  r.get(
    '/stats/export',
    {
      schema: {
        operationId: 'exportStats',
        tags: ['stats'],
        summary: 'Yearbook tables: XLSX with a sheet per grouping, or CSV (UTF-8 with BOM) of one grouping',
        description: `National and province users. Chinese headers, money in 千元 (yuan / 1000, rounded), a 合计
row. \`source=official\` exports the accepted annual returns; 409 where none of the year is accepted.`,
        querystring: StatsExportQuery,
        response: {
          // A file, not JSON: nothing for a serializer to guard.
          200: z
            .any()
            .describe('text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
          ...readProblems,
          409: Problem,
          429: Problem,
        },
      },
      // Exports are yearbook tables for the Torch Center and the provinces.
      config: { roles: ['national', 'province'], rateLimit: app.expensive() },
    },
    async (request, reply) => {
      const { year, province, summaries } = await service.exportSummaries(
        app.db,
        cache,
        request.user,
        request.query,
      );
      if (request.query.format === 'csv') {
        const [only] = summaries;
        return reply
          .header('content-disposition', attachment(year, province, request.query.groupBy, 'csv'))
          .type('text/csv; charset=utf-8')
          .send(toCsv(yearbookTable(only!)));
      }
      return reply
        .header('content-disposition', attachment(year, province, null, 'xlsx'))
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(await toXlsx(summaries, province));
    },
  );
}
