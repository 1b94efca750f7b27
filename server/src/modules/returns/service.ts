// One annual return as the API shows it, and the manager's draft. Transitions are in workflow.ts.
import {
  type AnnualReturn,
  changedFigures,
  defaultReturnDeadline,
  filedOnTime,
  HISTORY_YEARS,
  RETURN_EDITABLE,
  RETURN_FIGURE_FIELDS,
  type ReturnCheckedValues,
  type ReturnComputed,
  type ReturnFigures,
  type ReturnSave,
  recognitionReadiness,
  recognitionRuleYear,
  returnActions,
  returnFlags,
  todayInChina,
  yearOf,
} from '@torch/shared';
import { writeAudit } from '../../audit';
import type { Db, DbOrTx } from '../../db/client';
import { iso } from '../../db/iso';
import { conflict, notFound, staleVersion } from '../../errors';
import type { Caller } from '../../plugins/auth';
import { findIncubator, type IncubatorRow } from '../incubators/queries';
import type { StatsCache } from '../stats/cache';
import { computeReturn } from './computed';
import { expireCachedAnswers } from './official-queries';
import * as q from './queries';

const FILED = new Set(['submitted', 'approved', 'accepted']);

/** The incubator if the caller may see it and the year can have a return (404 otherwise). */
export async function incubatorOfReturn(db: DbOrTx, caller: Caller, id: string, year: number) {
  const incubator = await findIncubator(db, caller, id);
  // Years before the incubator existed, and years not begun, have no return.
  if (!incubator || year > yearOf(todayInChina()) || incubator.foundedOn > `${year}-12-31`) {
    throw notFound('Annual return');
  }
  return incubator;
}

export async function deadline(db: DbOrTx, year: number) {
  return (await q.deadlineOf(db, year)) ?? defaultReturnDeadline(year);
}

/** A first draft: the incubator's record, and last year's return for what the record lacks. */
export async function prefill(db: DbOrTx, incubator: IncubatorRow, year: number): Promise<ReturnFigures> {
  const last = await q.findReturn(db, incubator.id, year - 1);
  const base = Object.fromEntries(
    RETURN_FIGURE_FIELDS.map((f) => [f, (last?.figures as ReturnFigures | undefined)?.[f] ?? 0]),
  ) as ReturnFigures;
  return {
    ...base,
    totalArea: incubator.totalArea,
    tenantArea: incubator.tenantArea,
    publicServiceArea: incubator.publicServiceArea,
    fundSize: incubator.fundSize,
    staffCount: incubator.staffCount,
    mentorCount: incubator.mentorCount,
  };
}

/** What the return stands on: live records while the manager edits it, the filed numbers after. */
async function currentComputed(
  db: Db,
  cache: StatsCache,
  incubator: IncubatorRow,
  year: number,
  row: q.ReturnRow | undefined,
): Promise<ReturnComputed> {
  if (row && FILED.has(row.status)) return row.computed as ReturnComputed;
  // Valid while stats_state.version stands: any write that changes statistics bumps it.
  const key = JSON.stringify(['annual-return', incubator.id, year]);
  return (await cache.through(db, key, () => computeReturn(db, incubator, year))).computed;
}

/** The flags of these figures and numbers against last year, the cohort and the own history. */
export async function flagsOf(
  db: DbOrTx,
  incubator: IncubatorRow,
  year: number,
  figures: ReturnFigures,
  computed: ReturnComputed,
) {
  const [cohort, history] = await Promise.all([
    q.cohortValues(db, incubator, year),
    q.historyValues(db, incubator.id, year, HISTORY_YEARS),
  ]);
  const filed = history.filter((h) => FILED.has(h.status));
  const last = filed.find((h) => h.year === year - 1);
  return returnFlags({
    figures,
    computed,
    lastYear: (last?.values as ReturnCheckedValues | undefined) ?? null,
    cohort: cohort as ReturnCheckedValues[],
    history: filed.map((h) => h.values as ReturnCheckedValues),
  });
}

const dayInChina = (timestamp: string | null) => (timestamp ? todayInChina(new Date(timestamp)) : null);

function readiness(incubator: IncubatorRow, year: number, figures: ReturnFigures, computed: ReturnComputed) {
  try {
    recognitionRuleYear(year);
  } catch {
    return null; // no rule set was in force that year
  }
  return recognitionReadiness(
    {
      type: incubator.type,
      foundedOn: incubator.foundedOn,
      asOf: `${year}-12-31`,
      totalArea: figures.totalArea,
      tenantArea: figures.tenantArea,
      fundSize: figures.fundSize,
      tenants: computed.tenantsIncubating,
      tenantsFinanced: computed.tenantsFinanced,
      tenantsInField: computed.tenantsInField,
      graduatesCumulative: computed.graduatesCumulative,
    },
    year,
  );
}

export async function get(
  db: Db,
  cache: StatsCache,
  caller: Caller,
  id: string,
  year: number,
): Promise<AnnualReturn> {
  const incubator = await incubatorOfReturn(db, caller, id, year);
  const row = await q.findReturn(db, id, year);
  const figures = (row?.figures as ReturnFigures | undefined) ?? (await prefill(db, incubator, year));
  const computed = await currentComputed(db, cache, incubator, year, row);
  const explanations = (row?.explanations as Record<string, string> | undefined) ?? {};
  const flags = (await flagsOf(db, incubator, year, figures, computed)).map((f) =>
    explanations[f.code] ? { ...f, explanation: explanations[f.code] } : f,
  );
  const [history, comments, due] = await Promise.all([
    row ? q.transitionsOf(db, row.id) : [],
    row ? q.commentsOf(db, row.id) : [],
    deadline(db, year),
  ]);
  const status = row?.status ?? 'draft';
  return {
    incubatorId: id,
    incubatorName: incubator.name,
    provinceCode: incubator.provinceCode,
    year,
    status,
    version: row?.version ?? 0,
    deadline: due,
    submittedAt: row?.submittedAt ? iso(row.submittedAt) : null,
    firstSubmittedAt: row?.firstSubmittedAt ? iso(row.firstSubmittedAt) : null,
    acceptedAt: row?.acceptedAt ? iso(row.acceptedAt) : null,
    onTime: filedOnTime(dayInChina(row?.firstSubmittedAt ?? null), due),
    figures,
    computed,
    flags,
    explanations,
    comments: comments.map((c) => ({ ...c, at: iso(c.at) })),
    history: history.map((h) => ({ ...h, status: h.status as AnnualReturn['status'], at: iso(h.at) })),
    changes: row?.returnedFigures ? changedFigures(row.returnedFigures as ReturnFigures, figures) : [],
    recognition: readiness(incubator, year, figures, computed),
    actions: returnActions(caller.role, status),
  };
}

export const notEditable = (status: string) =>
  conflict(`The return is ${status}; only a draft or a returned return can be changed`, [
    { path: 'status', message: 'not_editable' },
  ]);

/** The manager's draft: figures and explanations; computed numbers are never written by hand. */
export async function save(
  db: Db,
  cache: StatsCache,
  caller: Caller,
  id: string,
  year: number,
  body: ReturnSave,
) {
  await db.transaction(async (tx) => {
    const incubator = await incubatorOfReturn(tx, caller, id, year);
    const row = await q.findReturn(tx, id, year, true);
    if (row && !RETURN_EDITABLE.includes(row.status)) throw notEditable(row.status);
    if ((row?.version ?? 0) !== body.version) throw staleVersion();
    const { computed } = await computeReturn(tx, incubator, year);
    // Explanations left out are kept: a save of the figures alone does not unexplain anything.
    const explanations = body.explanations ?? (row?.explanations as Record<string, string> | undefined) ?? {};
    const values = { figures: body.figures, computed, explanations };
    const saved = row
      ? await q.updateReturn(tx, row.id, body.version, values)
      : await q.insertReturn(tx, { incubatorId: id, year, ...values });
    if (!saved) throw staleVersion();
    await expireCachedAnswers(tx);
    await writeAudit(tx, {
      userId: caller.userId,
      action: 'annual_return.save',
      entity: 'annual_return',
      entityId: saved.id,
      incubatorId: id,
      before: row ? { figures: row.figures, explanations: row.explanations } : null,
      after: { figures: body.figures, explanations },
    });
  });
  return get(db, cache, caller, id, year);
}
