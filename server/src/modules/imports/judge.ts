// A file's rows judged: first each row alone by the shared schemas (judgeRow), then against the
// records it matches (USCC; USCC + year), with the checks admission and reports make. The result is
// a plan per row — admit, update, create, or nothing to do — that the commit carries out.

import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import {
  type ColumnBinding,
  type Figures,
  type ImportKind,
  judgeRow,
  jumpFlags,
  type RowProblem,
  rowIdentity,
  todayInChina,
  tracksRecordOn,
  yearOf,
} from '@torch/shared';
import type { DbOrTx } from '../../db/client';
import type { TenantRow } from '../tenants/queries';
import * as q from './queries';
import type { SheetRow } from './read-file';

export type Plan =
  | { row: number; action: 'admit'; body: Record<string, unknown> }
  | { row: number; action: 'update'; tenantId: string; version: number; changes: Record<string, unknown> }
  | {
      row: number;
      action: 'createReport';
      tenant: TenantRow;
      body: Record<string, unknown>;
      flags: unknown[];
    }
  | {
      row: number;
      action: 'updateReport';
      reportId: string;
      incubatorId: string;
      changes: Record<string, unknown>;
      flags: unknown[];
    }
  | { row: number; action: 'unchanged' };

export interface Judgement {
  rows: number;
  valid: number;
  errors: RowProblem[];
  warnings: RowProblem[];
  plans: Plan[];
  /** The incubators whose records' statistics the plans may change (see stats-delta.ts). */
  incubatorIds: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of a row that differ from the record; only what the file's columns gave. */
function differences(record: Record<string, unknown>, present: string[], current: Record<string, unknown>) {
  return Object.fromEntries(
    present
      .filter((k) => k !== 'uscc' && k !== 'year' && !same(record[k], current[k]))
      .map((k) => [k, record[k]]),
  );
}

type Outcome = ReturnType<typeof judgeRow>;
/** Records a problem of the row; refusals return null, the row's plan. */
type Refuse = (o: Outcome, key: string, message: string) => null;
type Warn = (o: Outcome, key: string, message: string) => void;

function planTenant(o: Outcome, stays: TenantRow[], incubatorId: string, refuse: Refuse): Plan | null {
  const record = o.record!;
  const latest = stays[0];
  if (!latest) return { row: o.row, action: 'admit', body: record };
  if (latest.incubatorId === incubatorId) {
    const changes = differences(record, o.present, latest);
    if (!Object.keys(changes).length) return { row: o.row, action: 'unchanged' };
    const after = { ...latest, ...changes } as TenantRow;
    if ((after.graduatedOn ?? after.exitedOn ?? '9999') < after.admittedOn) {
      return refuse(o, 'admittedOn', 'admitted_after_leaving');
    }
    return { row: o.row, action: 'update', tenantId: latest.id, version: latest.version, changes };
  }
  if (stays.some((s) => s.status === 'incubating')) return refuse(o, 'uscc', 'company_incubating');
  const lastEnd = stays
    .map((s) => s.graduatedOn ?? s.exitedOn ?? s.admittedOn)
    .sort()
    .at(-1)!;
  if (String(record.admittedOn) < lastEnd) return refuse(o, 'admittedOn', 'before_previous_tenancy_ended');
  return { row: o.row, action: 'admit', body: record };
}

type ReportRef = Awaited<ReturnType<typeof q.reportsOfCompanies>>[number];

function planReport(
  o: Outcome,
  stays: TenantRow[],
  incubatorId: string,
  reportsOf: Map<string, ReportRef>,
  refuse: Refuse,
  warn: Warn,
): Plan | null {
  const record = o.record!;
  const year = Number(record.year);
  const tenant = stays[0];
  if (!tenant || !stays.some((s) => s.incubatorId === incubatorId))
    return refuse(o, 'uscc', 'unknown_company');
  if (tenant.incubatorId !== incubatorId) return refuse(o, 'uscc', 'not_current_tenancy');
  if (year < yearOf(tenant.foundedOn)) return refuse(o, 'year', 'year_before_founded');
  if (year > yearOf(todayInChina())) return refuse(o, 'year', 'year_in_future');
  if (!tracksRecordOn(tenant, `${year}-01-01`)) return refuse(o, 'year', 'tenant_exited');
  const existing = reportsOf.get(`${tenant.companyId}/${year}`);
  // Another incubator's report of the year is its own record (one report per company and year):
  // refused as the form refuses it, telling nothing of its figures.
  if (existing && existing.incubatorId !== incubatorId) return refuse(o, 'year', 'duplicate_report');
  const previous = reportsOf.get(`${tenant.companyId}/${year - 1}`);
  const figures = { ...(existing ?? {}), ...record } as unknown as Figures;
  // Jumps are judged against last year's report with this incubator only (as the form judges them):
  // another incubator's figures are outside this manager's scope.
  const flags =
    previous?.status === 'approved' && previous.incubatorId === incubatorId
      ? jumpFlags(figures, previous)
      : [];
  for (const f of flags) warn(o, f.field, 'jump');
  if (!existing) return { row: o.row, action: 'createReport', tenant, body: record, flags };
  const changes = differences(record, o.present, existing);
  if (existing.status === 'approved' && !Object.keys(changes).length)
    return { row: o.row, action: 'unchanged' };
  if (existing.status === 'approved' || existing.status === 'submitted')
    return refuse(o, 'year', 'report_locked');
  return { row: o.row, action: 'updateReport', reportId: existing.id, incubatorId, changes, flags };
}

export async function judgeFile(
  db: DbOrTx,
  kind: ImportKind,
  incubatorId: string,
  dataRows: SheetRow[],
  bindings: ColumnBinding[],
  /** USCCs per look-up (steps.ts): the first is sent while the rest of the file is still being judged. */
  lookupChunk: number,
  onProgress: (done: number) => void = () => {},
): Promise<Judgement> {
  const outcomes: Outcome[] = [];
  const seen = new Set<string>();
  // The records of the rows judged so far are looked up while the next rows are judged.
  const lookups: Promise<TenantRow[]>[] = [];
  let pending: string[] = [];
  const lookUp = () => {
    if (!pending.length) return;
    const lookup = q.tenanciesByUscc(db, pending);
    lookup.catch(() => {}); // awaited below; a failure must not go unhandled meanwhile
    lookups.push(lookup);
    pending = [];
  };
  for (const [n, cells] of dataRows) {
    const o = judgeRow(kind, bindings, n, cells);
    if (o.record) {
      const identity = rowIdentity(kind, o.record);
      if (seen.has(identity)) {
        o.errors.push({
          row: n,
          column: bindings.find((b) => b.key === 'uscc')?.header ?? '',
          message: 'duplicate_in_file',
        });
        o.record = null;
      }
      seen.add(identity);
      // Reports name a company once per year: its tenancies are looked up once.
      if (o.record && (kind === 'tenants' || !seen.has(`uscc:${o.record.uscc}`))) {
        seen.add(`uscc:${o.record.uscc}`);
        pending.push(String(o.record.uscc));
        if (pending.length >= lookupChunk) lookUp();
      }
    }
    outcomes.push(o);
    // Every 100 rows: the reporter itself writes only when the bar has moved a step.
    if (outcomes.length % 100 === 0) onProgress(outcomes.length);
    // 50,000 rows take seconds: other requests (and the event-loop watchdog) get their turn.
    if (outcomes.length % 1000 === 0) await setImmediatePromise();
  }
  onProgress(outcomes.length);
  const header = (key: string) => bindings.find((b) => b.key === key)?.header ?? key;
  const refuse: Refuse = (o, key, message) => {
    o.errors.push({ row: o.row, column: header(key), message });
    o.record = null;
    return null;
  };
  const warn: Warn = (o, key, message) => o.warnings.push({ row: o.row, column: header(key), message });

  lookUp();
  const stays = new Map<string, TenantRow[]>();
  for (const found of await Promise.all(lookups))
    for (const t of found) stays.set(t.uscc, [...(stays.get(t.uscc) ?? []), t]);
  const reportsOf = new Map<string, ReportRef>();
  if (kind === 'reports') {
    const companyIds = [...new Set([...stays.values()].map((s) => s[0]!.companyId))];
    for (const r of await q.reportsOfCompanies(db, companyIds)) reportsOf.set(`${r.companyId}/${r.year}`, r);
  }
  const plans: Plan[] = [];
  const touched = new Set([incubatorId]);
  for (const o of outcomes) {
    if (!o.record) continue;
    const mine = stays.get(String(o.record.uscc)) ?? [];
    const plan =
      kind === 'tenants'
        ? planTenant(o, mine, incubatorId, refuse)
        : planReport(o, mine, incubatorId, reportsOf, refuse, warn);
    if (plan) plans.push(plan);
    if (plan && plan.action !== 'unchanged') for (const stay of mine) touched.add(stay.incubatorId);
  }
  return {
    rows: outcomes.length,
    valid: outcomes.filter((o) => !o.errors.length).length,
    errors: outcomes.flatMap((o) => o.errors),
    warnings: outcomes.flatMap((o) => o.warnings),
    plans,
    incubatorIds: [...touched],
  };
}
