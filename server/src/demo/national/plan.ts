// The shape of the demo country over time: the brochure's exact 2006 figures (SPEC §6) and the
// yearly schedules around them. All counts are at scale 1; the generator multiplies them.
// Tuning the country's size or growth happens here and nowhere else.

/** Published figures for the end of 2006 (Torch Center brochure, SPEC §6). */
export const TARGETS_2006 = {
  incubators: 534,
  universitySciencePark: 62,
  returnedScholars: 110,
  international: 9,
  specialized: 12,
  tenantsIncubating: 39_800,
  graduatesCumulative: 15_931,
  listedCumulative: 50,
} as const;

export const SHOWCASE_YEAR = 2006;
export const FIRST_YEAR = 1987;
/** The generator needs a few years after 2006 for recent admissions, moves and overdue tenants. */
export const MIN_LAST_YEAR = 2010;

/** The master seed: change it and you get another, equally valid, country. */
export const SEED = 20_061_231;

/**
 * General incubators founded per year up to 2006 (relative weights): a slow start after Wuhan in
 * 1987, the Torch Program's build-out in the 1990s and the boom around 2000–2002.
 */
export const GENERAL_FOUNDING_WEIGHTS: Readonly<Record<number, number>> = {
  1988: 3,
  1989: 4,
  1990: 6,
  1991: 10,
  1992: 14,
  1993: 14,
  1994: 14,
  1995: 10,
  1996: 10,
  1997: 10,
  1998: 14,
  1999: 22,
  2000: 30,
  2001: 50,
  2002: 55,
  2003: 35,
  2004: 25,
  2005: 22,
  2006: 18,
};

/** Founding-year windows of the special kinds up to 2006 (first year, peak year). */
export const SPECIAL_FOUNDING = {
  university_science_park: { from: 1994, peak: 2001 },
  returned_scholars: { from: 1994, peak: 2000 },
  international: { from: 1996, peak: 2000 },
  specialized: { from: 1995, peak: 2001 },
} as const;

/** New incubators per year after 2006; later years repeat the last entry. */
const NEW_INCUBATORS_AFTER_2006 = [14, 12, 12, 12, 14, 14, 12, 12, 22, 22, 20, 16, 14, 12, 10, 8, 8, 6, 6];

export function newIncubators(year: number): number {
  const i = year - 2007;
  return NEW_INCUBATORS_AFTER_2006[Math.min(i, NEW_INCUBATORS_AFTER_2006.length - 1)] ?? 0;
}

/** Type mix of incubators founded after 2006 (specialized incubators grew fastest). */
export const TYPE_MIX_AFTER_2006 = [
  ['general', 60],
  ['specialized', 30],
  ['university_science_park', 5],
  ['returned_scholars', 4],
  ['international', 1],
] as const;

/**
 * Companies admitted per year (first stays; moves between incubators come on top). Up to 2006
 * the flow is tuned so that the stock at the end of 2006 lands near the published figures and
 * exact-2006.ts only trims a few hundred: the steep 2003–2006 ramp is what 39,800 tenants next to
 * only 15,931 graduates in all implies. After 2006 the flow keeps the stock growing slowly, as a
 * live system's should: a dip with the 2008 crisis, the 2015 mass-entrepreneurship wave, a pause
 * in 2020. Tenants incubating go from 39,800 (2006) to about 50,000 by the 2020s.
 */
const ADMISSIONS: Readonly<Record<number, number>> = {
  1987: 10,
  1988: 30,
  1989: 60,
  1990: 100,
  1991: 150,
  1992: 220,
  1993: 310,
  1994: 420,
  1995: 540,
  1996: 680,
  1997: 840,
  1998: 1050,
  1999: 1350,
  2000: 1800,
  2001: 2700,
  2002: 3900,
  2003: 6300,
  2004: 10000,
  2005: 15000,
  2006: 20500,
};
/** 2007, 2008, …; later years repeat the last entry. */
const ADMISSIONS_AFTER_2006 = [
  15500, 14000, 14000, 14500, 15000, 15000, 15000, 15500, 17500, 18500, 18500, 18000, 18000, 16500, 17500,
  17500, 17500, 18000, 18500,
];

export function admissions(year: number): number {
  if (year <= 2006) return ADMISSIONS[year] ?? 0;
  const i = year - 2007;
  return ADMISSIONS_AFTER_2006[Math.min(i, ADMISSIONS_AFTER_2006.length - 1)] ?? 0;
}

/** Of the stays that end, the share ending in graduation (the rest exit). */
export function graduationShare(year: number): number {
  return year <= 2006 ? 0.68 : 0.64;
}

/**
 * Months a stay lasts, as a triangular distribution's lower bound and mode (the upper bound is
 * the incubation limit): graduates stay longer than companies that leave, and after 2006, with
 * graduation criteria to meet, graduates take longer than in the early years.
 */
export function stayMonths(admittedYear: number, graduate: boolean): { min: number; mode: number } {
  if (graduate) return admittedYear <= 2006 ? { min: 14, mode: 38 } : { min: 20, mode: 40 };
  return admittedYear <= 2006 ? { min: 3, mode: 16 } : { min: 4, mode: 20 };
}

export const EXIT_REASON_MIX = [
  ['failed', 45],
  ['moved_out', 35],
  ['merged', 8],
  ['other', 12],
] as const;

/** Of companies that moved out after 2006, the share admitted by another incubator. */
export const MOVE_SHARE = 0.3;
/** Tenants kept incubating past their limit at the horizon: the dashboard's overdue list. */
export const OVERDUE_TENANTS = 36;
/** Admissions of companies older than the 24-month window (with a reason). */
export const ADMISSION_EXCEPTION_SHARE = 0.004;
/** Companies that file yearly reports (the demo incubators' tenants always do). */
export const REPORTER_SHARE = 0.1;
/** Years a graduate keeps reporting to its incubator after graduating. */
export const FOLLOW_UP_YEARS = 1;

/** Exchanges and the day each opened to these companies (ChiNext 2009, STAR 2019, BSE 2021). */
export const EXCHANGE_OPENED: Readonly<Record<string, string>> = {
  sse_main: '1990-12-19',
  szse_main: '1991-07-03',
  hkex: '1986-04-02',
  nasdaq: '1971-02-08',
  nyse: '1900-01-01',
  neeq: '2006-01-23',
  szse_chinext: '2009-10-30',
  sse_star: '2019-07-22',
  bse: '2021-11-15',
};

/** The 50 listings up to 2006, by year and exchange (SME board listings count as szse_main). */
export const LISTINGS_UNTIL_2006: readonly (readonly [number, string, number])[] = [
  [1996, 'sse_main', 1],
  [1997, 'szse_main', 1],
  [1997, 'sse_main', 1],
  [1998, 'sse_main', 2],
  [1999, 'szse_main', 2],
  [1999, 'hkex', 1],
  [2000, 'sse_main', 2],
  [2000, 'szse_main', 2],
  [2000, 'nasdaq', 1],
  [2001, 'sse_main', 2],
  [2001, 'hkex', 2],
  [2002, 'sse_main', 2],
  [2002, 'szse_main', 2],
  [2003, 'sse_main', 2],
  [2003, 'hkex', 2],
  [2003, 'nasdaq', 1],
  [2004, 'szse_main', 5],
  [2004, 'hkex', 2],
  [2004, 'nasdaq', 1],
  [2005, 'szse_main', 2],
  [2005, 'nyse', 1],
  [2005, 'nasdaq', 1],
  [2006, 'szse_main', 5],
  [2006, 'neeq', 5],
  [2006, 'sse_main', 1],
  [2006, 'hkex', 1],
];

/** Listings per year after 2006 by exchange: the ChiNext wave, the NEEQ expansion, STAR and BSE. */
export function listingsAfter2006(year: number): readonly (readonly [string, number])[] {
  const neeq =
    ({ 2013: 25, 2014: 70, 2015: 120, 2016: 100, 2017: 50, 2018: 15 } as Record<number, number>)[year] ??
    (year < 2013 ? 3 : 8);
  const chinext =
    year < 2010
      ? year === 2009
        ? 4
        : 0
      : ((
          {
            2010: 30,
            2011: 28,
            2012: 18,
            2013: 0,
            2014: 12,
            2015: 20,
            2016: 18,
            2017: 28,
            2018: 8,
            2019: 10,
            2020: 25,
            2021: 28,
            2022: 20,
            2023: 14,
            2024: 4,
          } as Record<number, number>
        )[year] ?? 4);
  const star =
    year < 2019
      ? 0
      : (({ 2019: 10, 2020: 22, 2021: 22, 2022: 16, 2023: 10, 2024: 3 } as Record<number, number>)[year] ??
        3);
  const bse = year < 2021 ? 0 : (({ 2021: 4, 2022: 8, 2023: 8 } as Record<number, number>)[year] ?? 3);
  const szse = year <= 2012 ? 8 : 4;
  const sse = year <= 2012 ? 4 : 3;
  return [
    ['szse_main', year === 2013 ? 0 : szse],
    ['sse_main', year === 2013 ? 0 : sse],
    ['szse_chinext', chinext],
    ['sse_star', star],
    ['bse', bse],
    ['neeq', neeq],
    ['hkex', 3],
    ['nasdaq', year <= 2011 ? 2 : 1],
  ];
}
