// The incubator's side of yearly reports: its review queue, approving and returning.
import type { Report, ReportListQuery, ReportReturnBody } from '@torch/shared';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../audit';
import type { Db, Tx } from '../../db/client';
import { conflict, forbidden, notFound } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { manages } from '../../scope';
import { findIncubator } from '../incubators/queries';
import * as q from './queries';
import { get, toReport } from './service';

export async function listOfIncubator(db: Db, caller: Caller, incubatorId: string, query: ReportListQuery) {
  if (!(await findIncubator(db, caller, incubatorId))) throw notFound('Incubator');
  const { rows, total } = await q.reportsOfIncubator(db, caller, incubatorId, query);
  return { items: rows.map(toReport), total, page: query.page, pageSize: query.pageSize };
}

/** The report must be visible (404), the caller its incubator's manager (403), and it submitted (409). */
async function requireSubmitted(tx: Tx, caller: Caller, id: string) {
  const report = await q.findReport(tx, caller, id);
  if (!report) throw notFound('Report');
  if (!manages(caller, report.incubatorId))
    throw forbidden("Only the incubator's manager may review its reports");
  if (report.status !== 'submitted') {
    throw conflict(`The report is ${report.status}; only a submitted report can be reviewed`, [
      { path: 'status', message: 'not_submitted' },
    ]);
  }
  return report;
}

async function review(
  db: Db,
  caller: Caller,
  id: string,
  outcome: 'approved' | 'returned',
  comment: string | null,
) {
  await db.transaction(async (tx) => {
    const report = await requireSubmitted(tx, caller, id);
    const values = {
      status: outcome,
      reviewComment: comment,
      reviewedAt: sql`now()`,
      reviewedBy: caller.userId,
    };
    if (!(await q.updateReport(tx, id, ['submitted'], values))) {
      throw conflict('The report was reviewed meanwhile', [{ path: 'status', message: 'not_submitted' }]);
    }
    await writeAudit(tx, {
      userId: caller.userId,
      action: outcome === 'approved' ? 'report.approve' : 'report.return',
      entity: 'report',
      entityId: id,
      incubatorId: report.incubatorId,
      before: { status: report.status },
      after: { status: outcome, reviewComment: comment },
    });
  });
  return get(db, caller, id);
}

export const approve = (db: Db, caller: Caller, id: string): Promise<Report> =>
  review(db, caller, id, 'approved', null);

export const sendBack = (db: Db, caller: Caller, id: string, body: ReportReturnBody): Promise<Report> =>
  review(db, caller, id, 'returned', body.comment);
