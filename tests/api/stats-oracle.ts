// An independent statement of the statistics definitions (docs/statistics.md) in plain TypeScript,
// over rows SELECTed from the raw tables: what /stats must answer. Shares nothing with the server's
// SQL but the reference data.
import { PROVINCES, STATS_INDICATORS, type StatsGrouping, type StatsIndicator } from '@torch/shared';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/app';
import { sqlRows } from '../helpers/fixtures';

type Values = Record<StatsIndicator, number>;

interface Raw {
  incubators: {
    id: string;
    province: string;
    park: number | null;
    type: string;
    level: string;
    founded: string;
  }[];
  fieldOf: Map<string, string>;
  tenants: {
    incubator: string;
    company: string;
    admitted: string;
    graduated: string | null;
    exited: string | null;
  }[];
  investments: { incubator: string; company: string; kind: string; amount: number; on: string }[];
  listings: { id: string; incubator: string; company: string; on: string }[];
  reports: {
    incubator: string;
    company: string;
    year: number;
    status: string;
    figures: Record<string, number>;
  }[];
}

export async function loadRaw(t: TestApp): Promise<Raw> {
  const q = <T>(text: string) => sqlRows<T>(t, text);
  const incubators = await q<Raw['incubators'][number]>(
    `select id, province_code as province, park_number as park, type, level, founded_on::text as founded from incubators`,
  );
  const companies = await q<{ id: string; field: string }>(`select id, field from companies`);
  const tenants = await q<Raw['tenants'][number]>(
    `select incubator_id as incubator, company_id as company, admitted_on::text as admitted,
            graduated_on::text as graduated, exited_on::text as exited from tenants`,
  );
  const investments = await q<Raw['investments'][number]>(
    `select incubator_id as incubator, company_id as company, investor_kind as kind, amount::float8 as amount,
            invested_on::text as on from investments`,
  );
  const listings = await q<Raw['listings'][number]>(
    `select id::text, incubator_id as incubator, company_id as company, listed_on::text as on from listings`,
  );
  const reports = await q<
    { incubator: string; company: string; year: number; status: string } & Record<
      'revenue' | 'rd' | 'employees' | 'ipa' | 'ipg' | 'inv',
      number
    >
  >(
    `select incubator_id as incubator, company_id as company, year, status, revenue::float8 as revenue,
            rd_spending::float8 as rd, employees, ip_applications as ipa, ip_granted as ipg, invention_patents as inv
       from reports`,
  );
  return {
    incubators,
    fieldOf: new Map(companies.map((c) => [c.id, c.field])),
    tenants,
    investments: investments.map((v) => ({ ...v, amount: Number(v.amount) })),
    listings,
    reports: reports.map((r) => ({
      ...r,
      figures: {
        revenue: Number(r.revenue),
        rd: Number(r.rd),
        employees: r.employees,
        ipa: r.ipa,
        ipg: r.ipg,
        inv: r.inv,
      },
    })),
  };
}

export const zeroValues = (): Values => Object.fromEntries(STATS_INDICATORS.map((k) => [k, 0])) as Values;

export interface OracleQuery {
  year: number;
  /** Defaults to Dec 31 of `year`. */
  asOf?: string;
  groupBy: StatsGrouping;
  province?: string | null;
  incubatorIds?: string[] | null;
}

export interface Expected {
  rows: Map<string, Values>;
  total: Values;
}

const KIND_INDICATOR: Record<string, StatsIndicator> = {
  incubator_fund: 'incubatorInvestmentTotal',
  angel: 'investmentAngel',
  vc: 'investmentVc',
  government_grant: 'investmentGovernmentGrant',
  bank_loan: 'investmentBankLoan',
  other: 'investmentOther',
};

export function expected(raw: Raw, query: OracleQuery): Expected {
  const d = query.asOf ?? `${query.year}-12-31`;
  const jan1 = `${query.year}-01-01`;
  const inYear = (date: string | null) => date !== null && date >= jan1 && date <= d;
  const byId = new Map(raw.incubators.map((i) => [i.id, i]));
  const inScope = (incubatorId: string) => {
    const i = byId.get(incubatorId)!;
    return (
      (!query.province || i.province === query.province) &&
      (!query.incubatorIds || query.incubatorIds.includes(incubatorId))
    );
  };
  const keyOf = (incubatorId: string, field: string | null): string | null => {
    const i = byId.get(incubatorId)!;
    switch (query.groupBy) {
      case 'province':
        return i.province;
      case 'region':
        return PROVINCES.find((p) => p.code === i.province)!.region;
      case 'park':
        return i.park === null ? 'none' : String(i.park);
      case 'type':
        return i.type;
      case 'level':
        return i.level;
      case 'field':
        return field;
    }
  };
  const rows = new Map<string, Values>();
  const total = zeroValues();
  const add = (incubatorId: string, field: string | null, indicator: StatsIndicator, amount: number) => {
    if (!amount || !inScope(incubatorId)) return;
    total[indicator] += amount;
    const key = keyOf(incubatorId, field);
    if (key === null) return;
    if (!rows.has(key)) rows.set(key, zeroValues());
    rows.get(key)![indicator] += amount;
  };

  for (const i of raw.incubators) if (i.founded <= d) add(i.id, null, 'incubators', 1);
  for (const t of raw.tenants) {
    const field = raw.fieldOf.get(t.company)!;
    const ended = (t.graduated !== null && t.graduated <= d) || (t.exited !== null && t.exited <= d);
    if (t.admitted <= d && !ended) add(t.incubator, field, 'tenantsIncubating', 1);
    if (inYear(t.admitted)) add(t.incubator, field, 'tenantsAdmitted', 1);
    if (inYear(t.graduated)) add(t.incubator, field, 'tenantsGraduated', 1);
    if (inYear(t.exited)) add(t.incubator, field, 'tenantsExited', 1);
    if (t.graduated !== null && t.graduated <= d) add(t.incubator, field, 'graduatesCumulative', 1);
  }
  const firstListing = new Map<string, Raw['listings'][number]>();
  for (const l of raw.listings) {
    const seen = firstListing.get(l.company);
    if (!seen || l.on < seen.on || (l.on === seen.on && l.id < seen.id)) firstListing.set(l.company, l);
  }
  for (const l of firstListing.values()) {
    if (l.on <= d) add(l.incubator, raw.fieldOf.get(l.company)!, 'listingsCumulative', 1);
  }
  for (const v of raw.investments) {
    if (!inYear(v.on)) continue;
    const field = raw.fieldOf.get(v.company)!;
    add(v.incubator, field, 'investmentTotal', v.amount);
    add(v.incubator, field, KIND_INDICATOR[v.kind]!, v.amount);
  }
  for (const r of raw.reports) {
    if (r.status !== 'approved' || r.year !== query.year) continue;
    const field = raw.fieldOf.get(r.company)!;
    add(r.incubator, field, 'reportsApproved', 1);
    add(r.incubator, field, 'tenantRevenue', r.figures.revenue!);
    add(r.incubator, field, 'tenantRdSpending', r.figures.rd!);
    add(r.incubator, field, 'tenantEmployees', r.figures.employees!);
    add(r.incubator, field, 'tenantIpApplications', r.figures.ipa!);
    add(r.incubator, field, 'tenantIpGranted', r.figures.ipg!);
    add(r.incubator, field, 'tenantInventionPatents', r.figures.inv!);
  }
  return { rows, total };
}

type ApiRow = Record<StatsIndicator, number | null> & { key: string };

/** The answer equals the oracle, and its rows add up to its total. */
export function expectSummaryMatches(
  body: { rows: ApiRow[]; total: Values; groupBy: StatsGrouping },
  want: Expected,
  context: string,
) {
  expect(body.total, `${context}: total`).toEqual(want.total);
  const byField = body.groupBy === 'field';
  for (const row of body.rows) {
    const wanted = want.rows.get(row.key) ?? zeroValues();
    const got = { ...row } as Record<string, unknown>;
    delete got.key;
    delete got.label;
    delete got.labelEn;
    expect(got, `${context}: row ${row.key}`).toEqual({
      ...wanted,
      incubators: byField ? null : wanted.incubators,
    });
  }
  const shown = new Set(body.rows.map((r) => r.key));
  for (const [key, values] of want.rows) {
    if (Object.values(values).some((v) => v !== 0))
      expect(shown.has(key), `${context}: row ${key} shown`).toBe(true);
  }
  for (const k of STATS_INDICATORS) {
    if (byField && k === 'incubators') continue;
    const sum = body.rows.reduce((s, r) => s + (r[k] ?? 0), 0);
    expect(sum, `${context}: rows add up to the total of ${k}`).toBe(body.total[k]);
  }
}
