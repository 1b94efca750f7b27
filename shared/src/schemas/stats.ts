// National statistics (SPEC §5): the indicators, their labels, and the /stats requests and answers.
// Definitions (for a year Y, as-of date D = Y-12-31 or an explicit date in Y; flows count Jan 1..D):
// see docs/statistics.md. The server computes every number; clients only show them.
import { z } from 'zod';
import { todayInChina } from '../rules/dates';
import { IsoDate } from './common';
import { ProvinceCode } from './reference';

/** Stocks are as of D; flows count what happened from Jan 1 of Y to D. */
export const STATS_INDICATORS = [
  'incubators',
  'tenantsIncubating',
  'graduatesCumulative',
  'listingsCumulative',
  'tenantsAdmitted',
  'tenantsGraduated',
  'tenantsExited',
  'investmentTotal',
  'incubatorInvestmentTotal',
  'investmentAngel',
  'investmentVc',
  'investmentGovernmentGrant',
  'investmentBankLoan',
  'investmentOther',
  'reportsApproved',
  'tenantRevenue',
  'tenantRdSpending',
  'tenantEmployees',
  'tenantIpApplications',
  'tenantIpGranted',
  'tenantInventionPatents',
] as const;
export const StatsIndicator = z.enum(STATS_INDICATORS);

/** Indicators that are levels as of a day; the rest are flows over Jan 1..asOf. */
export const STATS_STOCK_INDICATORS = [
  'incubators',
  'tenantsIncubating',
  'graduatesCumulative',
  'listingsCumulative',
] as const satisfies readonly (typeof STATS_INDICATORS)[number][];
export type StatsIndicator = z.infer<typeof StatsIndicator>;

export interface StatsIndicatorInfo {
  zh: string;
  en: string;
  /** Money is integer yuan in the API; exports show it in 千元. */
  unit: 'count' | 'yuan' | 'people';
}

export const STATS_INDICATOR_INFO: Record<StatsIndicator, StatsIndicatorInfo> = {
  incubators: { zh: '孵化器数量', en: 'Incubators', unit: 'count' },
  tenantsIncubating: { zh: '在孵企业数', en: 'Tenants incubating', unit: 'count' },
  graduatesCumulative: { zh: '累计毕业企业数', en: 'Graduates (cumulative)', unit: 'count' },
  listingsCumulative: { zh: '累计上市（挂牌）企业数', en: 'Listed companies (cumulative)', unit: 'count' },
  tenantsAdmitted: { zh: '当年新入孵企业数', en: 'Admitted in the year', unit: 'count' },
  tenantsGraduated: { zh: '当年毕业企业数', en: 'Graduated in the year', unit: 'count' },
  tenantsExited: { zh: '当年退出企业数', en: 'Exited in the year', unit: 'count' },
  investmentTotal: { zh: '当年获投资总额', en: 'Investment received', unit: 'yuan' },
  incubatorInvestmentTotal: { zh: '其中：孵化器投资', en: 'of which by incubator funds', unit: 'yuan' },
  investmentAngel: { zh: '其中：天使投资', en: 'of which angel', unit: 'yuan' },
  investmentVc: { zh: '其中：风险投资', en: 'of which venture capital', unit: 'yuan' },
  investmentGovernmentGrant: { zh: '其中：政府资助', en: 'of which government grants', unit: 'yuan' },
  investmentBankLoan: { zh: '其中：银行贷款', en: 'of which bank loans', unit: 'yuan' },
  investmentOther: { zh: '其中：其他', en: 'of which other', unit: 'yuan' },
  reportsApproved: { zh: '已审核年报企业数', en: 'Approved yearly reports', unit: 'count' },
  tenantRevenue: { zh: '在孵企业总收入', en: 'Tenant revenue', unit: 'yuan' },
  tenantRdSpending: { zh: '在孵企业研发投入', en: 'Tenant R&D spending', unit: 'yuan' },
  tenantEmployees: { zh: '在孵企业从业人员', en: 'Tenant employees', unit: 'people' },
  tenantIpApplications: { zh: '知识产权申请数', en: 'IP applications', unit: 'count' },
  tenantIpGranted: { zh: '知识产权授权数', en: 'IP granted', unit: 'count' },
  tenantInventionPatents: { zh: '发明专利数', en: 'Invention patents', unit: 'count' },
};

export const STATS_GROUPINGS = ['province', 'region', 'park', 'type', 'level', 'field'] as const;
export const StatsGrouping = z.enum(STATS_GROUPINGS);
export type StatsGrouping = z.infer<typeof StatsGrouping>;

export const STATS_SOURCES = ['live', 'official'] as const;
export const StatsSource = z.enum(STATS_SOURCES);
export type StatsSource = z.infer<typeof StatsSource>;

/** The first incubator opened in 1987: no statistics before it. */
export const STATS_FIRST_YEAR = 1987;

/** A past or current year (statistics describe what happened). Checked when the request arrives. */
export const StatsYear = z.coerce
  .number()
  .int()
  .min(STATS_FIRST_YEAR)
  .refine((y) => y <= Number(todayInChina().slice(0, 4)), { message: 'year_in_future' });

const StatsAsOf = IsoDate.refine((d) => d >= `${STATS_FIRST_YEAR}-01-01` && d <= todayInChina(), {
  message: 'as_of_out_of_range',
});

export const StatsSummaryQuery = z
  .strictObject({
    year: StatsYear.optional(),
    /** A date inside `year` (or alone: its year is the year). Flows then count Jan 1..asOf. */
    asOf: StatsAsOf.optional(),
    source: StatsSource.default('live'),
    groupBy: StatsGrouping.default('province'),
    /** Drill down within the caller's scope. */
    province: ProvinceCode.optional(),
    incubatorId: z.uuid().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.year !== undefined && q.asOf !== undefined && Number(q.asOf.slice(0, 4)) !== q.year) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'as_of_not_in_year' });
    }
    // Annual returns describe year-ends: official figures have no date inside a year.
    if (q.source === 'official' && q.asOf !== undefined && !q.asOf.endsWith('-12-31')) {
      ctx.addIssue({ code: 'custom', path: ['asOf'], message: 'official_year_end_only' });
    }
  });
export type StatsSummaryQuery = z.infer<typeof StatsSummaryQuery>;

const count = z.number().int();
const indicatorShape = Object.fromEntries(STATS_INDICATORS.map((k) => [k, count])) as Record<
  StatsIndicator,
  typeof count
>;

export const StatsIndicators = z.object(indicatorShape);
export type StatsIndicators = z.infer<typeof StatsIndicators>;

/** A group row. `incubators` is null when grouping by field: an incubator has no single field. */
export const StatsRow = StatsIndicators.extend({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
  incubators: count.nullable(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsCoverage = z.object({ expected: count, accepted: count });
export type StatsCoverage = z.infer<typeof StatsCoverage>;

export const StatsSummary = z.object({
  year: z.number().int(),
  asOf: IsoDate,
  source: StatsSource,
  groupBy: StatsGrouping,
  /** False (with `reason`, no rows, total null) when the source has nothing to show. */
  available: z.boolean(),
  reason: z.enum(['no_accepted_returns']).nullable(),
  /** Official only: the incubators expected to file that year and those whose return is accepted. */
  coverage: StatsCoverage.nullable(),
  rows: z.array(StatsRow),
  total: StatsIndicators.nullable(),
});
export type StatsSummary = z.infer<typeof StatsSummary>;

export const StatsTimeseriesQuery = z
  .strictObject({
    from: StatsYear.default(STATS_FIRST_YEAR),
    to: StatsYear.optional(),
    indicator: StatsIndicator.default('tenantsIncubating'),
    source: StatsSource.default('live'),
    groupBy: StatsGrouping.optional(),
    province: ProvinceCode.optional(),
    incubatorId: z.uuid().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.to !== undefined && q.to < q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'to_before_from' });
  });
export type StatsTimeseriesQuery = z.infer<typeof StatsTimeseriesQuery>;

const point = z.object({ year: z.number().int(), value: count.nullable() });

export const StatsTimeseries = z.object({
  indicator: StatsIndicator,
  from: z.number().int(),
  to: z.number().int(),
  source: StatsSource,
  groupBy: StatsGrouping.nullable(),
  available: z.boolean(),
  reason: z.enum(['no_accepted_returns']).nullable(),
  /** Official only: per year, the incubators expected to file and those accepted. */
  coverage: z.array(StatsCoverage.extend({ year: z.number().int() })).nullable(),
  /** One point per year, from..to, as of each year's Dec 31. */
  total: z.array(point),
  /** Per group when `groupBy` is given (`value` null for incubators by field). */
  series: z.array(
    z.object({ key: z.string(), label: z.string(), labelEn: z.string(), points: z.array(point) }),
  ),
});
export type StatsTimeseries = z.infer<typeof StatsTimeseries>;

export const StatsExportQuery = z.strictObject({
  year: StatsYear.optional(),
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  /** CSV holds one grouping; XLSX has a sheet per grouping. */
  groupBy: StatsGrouping.default('province'),
  source: StatsSource.default('live'),
  province: ProvinceCode.optional(),
});
export type StatsExportQuery = z.infer<typeof StatsExportQuery>;
