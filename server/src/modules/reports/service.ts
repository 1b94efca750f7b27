// A company's yearly reports, the company's side: draft, edit, submit. Reviews are in review.ts.
import {
  FIGURE_FIELDS,
  type Figures,
  figureProblems,
  jumpFlags,
  type Report,
  type ReportCreate,
  type ReportFlag,
  type ReportPatch,
  type ReportStatus,
  todayInChina,
  yearOf,
} from '@torch/shared';
import { sql } from 'drizzle-orm';
import { valuesBefore, writeAudit } from '../../audit';
import type { Db } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, notFound, staleVersion, unprocessable } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { insertUnderTenancy, requireRecordsKeptOn } from '../tenancy-records';
import { findTenant, hasLaterTenancy } from '../tenants/queries';
import * as q from './queries';

/** The states in which the company may still change its figures and (re)submit them. */
export const EDITABLE: readonly ReportStatus[] = ['draft', 'returned'];

export function toReport(row: q.ReportRow): Report {
  return {
    ...row,
    flags: row.flags as ReportFlag[],
    submittedAt: row.submittedAt ? iso(row.submittedAt) : null,
    reviewedAt: row.reviewedAt ? iso(row.reviewedAt) : null,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export const figuresOf = (row: Figures): Figures =>
  Object.fromEntries(FIGURE_FIELDS.map((f) => [f, row[f]])) as Figures;

export async function get(db: Db, caller: Caller, id: string): Promise<Report> {
  const row = await q.findReport(db, caller, id);
  if (!row) throw notFound('Report');
  return toReport(row);
}

export async function listOfTenant(db: Db, caller: Caller, tenantId: string, page: number, pageSize: number) {
  const found = await q.reportsOfTenant(db, caller, tenantId, page, pageSize);
  if (!found) throw notFound('Tenant');
  return { items: found.rows.map(toReport), total: found.total, page, pageSize };
}

export async function create(db: Db, caller: Caller, tenantId: string, body: ReportCreate): Promise<Report> {
  const id = await db.transaction(async (tx) => {
    const tenant = await findTenant(tx, caller, tenantId);
    if (!tenant) throw notFound('Tenant');
    if (await hasLaterTenancy(tx, tenant.companyId, tenantId, tenant.admittedOn)) {
      throw conflict('The company has moved on; report through its current tenancy', [
        { path: 'tenantId', message: 'not_current_tenancy' },
      ]);
    }
    if (body.year < yearOf(tenant.foundedOn)) {
      throw unprocessable('The company did not exist in that year', [
        { path: 'year', message: 'year_before_founded' },
      ]);
    }
    if (body.year > yearOf(todayInChina())) {
      throw unprocessable('That year has not begun', [{ path: 'year', message: 'year_in_future' }]);
    }
    requireRecordsKeptOn(
      tenant,
      `${body.year}-01-01`,
      'year',
      'The company left the incubator before that year',
    );
    if (await q.reportOfYear(tx, tenant.companyId, body.year)) {
      throw conflict('The company already has a report for that year', [
        { path: 'year', message: 'duplicate_report' },
      ]);
    }
    return insertUnderTenancy(tx, caller, tenant, { entity: 'report', body, after: body }, (values) =>
      q.insertReport(tx, values),
    );
  });
  return get(db, caller, id);
}

const notEditable = (status: ReportStatus) =>
  conflict(`The report is ${status}; only a draft or a returned report can be changed or submitted`, [
    { path: 'status', message: 'not_editable' },
  ]);

/** A draft may hold figures that do not add up yet; submit() refuses them. */
export async function patch(db: Db, caller: Caller, id: string, body: ReportPatch): Promise<Report> {
  const { version, ...changes } = body;
  await db.transaction(async (tx) => {
    const before = await q.findReport(tx, caller, id);
    if (!before) throw notFound('Report');
    if (!EDITABLE.includes(before.status)) throw notEditable(before.status);
    if (before.version !== version || !(await q.updateReport(tx, id, EDITABLE, changes, version))) {
      throw staleVersion();
    }
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'report.update',
      entity: 'report',
      entityId: id,
      incubatorId: before.incubatorId,
      before: valuesBefore(before, changes),
      after: changes,
    });
  });
  return get(db, caller, id);
}

/**
 * Figures that cannot be true are refused; a tenfold jump since last year's approved report in
 * this incubator is only flagged for the reviewer (an unreviewed previous year is no baseline).
 */
export async function submit(db: Db, caller: Caller, id: string): Promise<Report> {
  await db.transaction(async (tx) => {
    const report = await q.findReport(tx, caller, id);
    if (!report) throw notFound('Report');
    if (!EDITABLE.includes(report.status)) throw notEditable(report.status);
    const figures = figuresOf(report);
    const problems = figureProblems(figures);
    if (problems.length) throw unprocessable('The figures do not add up', problems);
    // The baseline is last year's approved report filed with this same incubator: a flag shows the
    // previous figure, and another incubator's report is not this one's to see.
    const previous = await q.reportOfYear(tx, report.companyId, report.year - 1);
    const flags =
      previous?.status === 'approved' && previous.incubatorId === report.incubatorId
        ? jumpFlags(figures, figuresOf(previous))
        : [];
    const moved = await q.updateReport(tx, id, EDITABLE, {
      status: 'submitted',
      submittedAt: sql`now()`,
      flags,
    });
    if (!moved) throw notEditable(report.status);
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'report.submit',
      entity: 'report',
      entityId: id,
      incubatorId: report.incubatorId,
      before: { status: report.status },
      after: { status: 'submitted', flags },
    });
  });
  return get(db, caller, id);
}
