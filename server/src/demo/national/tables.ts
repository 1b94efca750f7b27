// The generated country as table rows (snake_case columns, in foreign-key order): what the
// loader writes and what the determinism check hashes. Rows are produced on demand, table by
// table, so the whole country never sits in memory twice. Dates leave as `YYYY-MM-DD`.
import { iso } from './calendar';
import { reportRows } from './reports';
import type { World } from './world';

export type Cell = string | number | boolean | null | readonly string[] | { json: unknown };

/** The tables the dataset fills, in foreign-key order. */
export const DATASET_TABLES = [
  'incubators',
  'companies',
  'tenants',
  'users',
  'incubator_managers',
  'listings',
  'investments',
  'reports',
  'mentors',
  'mentorships',
] as const;

export interface Table {
  name: (typeof DATASET_TABLES)[number];
  columns: readonly string[];
  count: number;
  /** A fresh pass over the rows each call; every pass yields the same rows. */
  rows(): Iterable<Cell[]>;
}

const d = (day: number | null) => (day === null ? null : iso(day));

function* map<T>(items: Iterable<T>, row: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of items) yield row(item);
}

const REPORT_COLUMNS =
  'id, company_id, tenant_id, incubator_id, year, revenue, net_profit, rd_spending, taxes_paid, exports, employees, phd_employees, college_employees, returned_scholar_employees, fresh_graduates_hired, ip_applications, ip_granted, invention_patents, software_copyrights, other_ip, financing_received, status, review_comment, flags, submitted_at, reviewed_at, reviewed_by';

type Company = World['companies'][number];

/** The profile columns companies and tenants share (name … legal_representative, in that order). */
const profileOf = (c: Company): Cell[] => [
  c.name,
  d(c.foundedOn),
  c.field,
  c.integratedCircuit,
  c.registeredCapital,
  c.founderTraits,
  d(c.highTechCertifiedOn),
  c.legalRepresentative,
];

export function datasetTables(world: World, passwordHash: string): Table[] {
  const companies = world.companies.filter((c) => !c.removed);
  const tenancies = companies.flatMap((c) => c.tenancies);
  const managers = world.users.flatMap((u) => u.manages.map((i) => [u, i] as const));
  const mentees = world.mentors.flatMap((m) => m.mentees.map((x) => [m, x] as const));
  const table = <T>(
    name: Table['name'],
    columns: string,
    items: readonly T[],
    row: (item: T) => Cell[],
  ): Table => ({
    name,
    columns: columns.split(/,\s*/),
    count: items.length,
    rows: () => map(items, row),
  });
  return [
    table(
      'incubators',
      'id, name, name_en, province_code, city, park_number, type, field, level, legal_nature, founded_on, total_area, tenant_area, public_service_area, fund_size, staff_count, mentor_count',
      world.incubators,
      (i) => [
        i.id,
        i.name,
        i.nameEn,
        i.provinceCode,
        i.city.zh,
        i.parkNumber,
        i.type,
        i.field,
        i.level,
        i.legalNature,
        d(i.foundedOn),
        i.totalArea,
        i.tenantArea,
        i.publicServiceArea,
        i.fundSize,
        i.staffCount,
        i.mentorCount,
      ],
    ),
    table(
      'companies',
      'id, uscc, name, founded_on, field, integrated_circuit, registered_capital, founder_traits, high_tech_certified_on, legal_representative',
      companies,
      (c) => [c.id, c.uscc, ...profileOf(c)],
    ),
    table(
      'tenants',
      'id, company_id, incubator_id, name, founded_on, field, integrated_circuit, registered_capital, founder_traits, high_tech_certified_on, legal_representative, admitted_on, area_occupied, admission_exception_reason, incubation_ends_on, status, graduated_on, graduation_criteria, unverified_criteria, graduation_evidence, exited_on, exit_reason',
      tenancies,
      // Each stay records the company as it is (the generator gives a company one profile).
      (t) => [
        t.id,
        t.company.id,
        t.incubator.id,
        ...profileOf(t.company),
        d(t.admittedOn),
        t.areaOccupied,
        t.admissionExceptionReason,
        d(t.incubationEndsOn),
        t.status,
        t.status === 'graduated' ? d(t.endedOn) : null,
        t.graduationCriteria,
        t.unverifiedCriteria,
        t.graduationEvidence,
        t.status === 'exited' ? d(t.endedOn) : null,
        t.exitReason,
      ],
    ),
    table('users', 'id, email, name, password_hash, role, province_code, company_id', world.users, (u) => [
      u.id,
      u.email,
      u.name,
      passwordHash,
      u.role,
      u.provinceCode,
      u.company?.id ?? null,
    ]),
    table('incubator_managers', 'user_id, incubator_id', managers, ([u, i]) => [u.id, i.id]),
    table(
      'listings',
      'id, company_id, tenant_id, incubator_id, exchange, ticker, listed_on, amount_raised',
      world.listings,
      (l) => [
        l.id,
        l.tenancy.company.id,
        l.tenancy.id,
        l.tenancy.incubator.id,
        l.exchange,
        l.ticker,
        d(l.listedOn),
        l.amountRaised,
      ],
    ),
    table(
      'investments',
      'id, company_id, tenant_id, incubator_id, investor_kind, investor_name, instrument, amount, invested_on, round, equity_share, co_investing_vc_amount',
      world.investments,
      (v) => [
        v.id,
        v.tenancy.company.id,
        v.tenancy.id,
        v.tenancy.incubator.id,
        v.investorKind,
        v.investorName,
        v.instrument,
        v.amount,
        d(v.investedOn),
        v.round,
        v.equityShare,
        v.coInvestingVcAmount,
      ],
    ),
    {
      name: 'reports',
      columns: REPORT_COLUMNS.split(/,\s*/),
      count: world.reportPlan.count,
      rows: () => reportRows(world, world.reportPlan),
    },
    table('mentors', 'id, incubator_id, name, title, expertise, email', world.mentors, (m) => [
      m.id,
      m.incubator.id,
      m.name,
      m.title,
      m.expertise,
      m.email,
    ]),
    table('mentorships', 'mentor_id, tenant_id, incubator_id, started_on', mentees, ([m, x]) => [
      m.id,
      x.tenancy.id,
      m.incubator.id,
      d(x.startedOn),
    ]),
  ];
}
