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
  // Valid while stats_state.version stands: any write that changes statistics bumps it. The
  // incubator's own field is in the key: "tenants in its field" depends on it, and editing an
  // incubator's field changes no statistic (so it bumps no version).
  const key = JSON.stringify(['annual-return', incubator.id, year, incubator.field]);
  return (await cache.through(db, key, () => computeReturn(db, incubator, year))).computed;
}

/** What the flags compare a return with: the cohort's and its own earlier filed returns. */
export interface Comparisons {
  cohort: ReturnCheckedValues[];
  history: { year: number; status: string; values: ReturnCheckedValues }[];
}

export async function comparisonsOf(db: DbOrTx, incubator: IncubatorRow, year: number): Promise<Comparisons> {
  const [cohort, history] = await Promise.all([
    q.cohortValues(db, incubator, year),
    q.historyValues(db, incubator.id, year, HISTORY_YEARS),
  ]);
  return { cohort: cohort as ReturnCheckedValues[], history: history as Comparisons['history'] };
}

/** The flags of these figures and numbers against last year, the cohort and the own history. */
export function flagsOf(
  { cohort, history }: Comparisons,
  year: number,
  figures: ReturnFigures,
  computed: ReturnComputed,
) {
  const filed = history.filter((h) => FILED.has(h.status));
  const last = filed.find((h) => h.year === year - 1);
  return returnFlags({
    figures,
    computed,
    lastYear: last?.values ?? null,
    cohort,
    history: filed.map((h) => h.values),
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
  // Every read below is independent of the others: sent at once, the return costs its slowest
  // (the computed numbers of a draft, when not cached) rather than the sum of them all.
  const [incubator, row] = await Promise.all([
    incubatorOfReturn(db, caller, id, year),
    q.findReturn(db, id, year),
  ]);
  // Valid while stats_state.version stands: every return write bumps it (the cohort's included).
  const comparisonsKey = JSON.stringify(['annual-return-comparisons', id, year]);
  const [figures, computed, comparisons, history, comments, due] = await Promise.all([
    (row?.figures as ReturnFigures | undefined) ?? prefill(db, incubator, year),
    currentComputed(db, cache, incubator, year, row),
    cache.through(db, comparisonsKey, () => comparisonsOf(db, incubator, year)),
    row ? q.transitionsOf(db, row.id) : [],
    row ? q.commentsOf(db, row.id) : [],
    deadline(db, year),
  ]);
  const explanations = (row?.explanations as Record<string, string> | undefined) ?? {};
  const flags = flagsOf(comparisons, year, figures, computed).map((f) =>
    explanations[f.code] ? { ...f, explanation: explanations[f.code] } : f,
  );
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
