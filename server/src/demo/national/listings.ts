// Listings of graduates: exactly 50 (× scale) distinct companies listed by the end of 2006, all of
// them graduates (SPEC §6), then more every year on the exchanges open at the time (ChiNext from
// October 2009, STAR from July 2019, BSE from November 2021; NEEQ, ZGC-only until 2013).
import { type Day, dayOf, yearEnd, yearStart } from './calendar';
import type { GenTenancy } from './model';
import { EXCHANGE_OPENED, LISTINGS_UNTIL_2006, listingsAfter2006, SHOWCASE_YEAR } from './plan';
import type { Rng } from './prng';
import { TickerBook } from './tickers';
import type { World } from './world';

const SEASONING_DAYS = 180;

function amountRaised(exchange: string, year: number, rng: Rng): number {
  const median =
    (
      {
        neeq: 8_000_000,
        bse: 150_000_000,
        hkex: 500_000_000,
        nasdaq: 700_000_000,
        nyse: 900_000_000,
      } as Record<string, number>
    )[exchange] ?? 450_000_000;
  const era = year < 2005 ? 0.5 : 1;
  if (exchange === 'neeq' && rng.chance(0.6)) return 0;
  return Math.round((rng.logNormal(median, 0.6) * era) / 10_000) * 10_000;
}

export function generateListings(world: World): void {
  const rng = world.rng('listings');
  const tickers = new TickerBook(rng);
  // Graduates by graduation day, so "graduated at least half a year before" is a prefix.
  const graduates = [...world.tenancies()]
    .filter((t) => t.status === 'graduated')
    .sort((a, b) => a.endedOn! - b.endedOn!);
  const listed = new Set<GenTenancy>();

  const list = (exchange: string, year: number) => {
    const from = Math.max(yearStart(year), dayOf(EXCHANGE_OPENED[exchange] ?? '1990-01-01'));
    const listedOn = rng.int(from, yearEnd(year));
    const last = lastGraduatedBefore(graduates, listedOn - SEASONING_DAYS);
    // Recent graduates list far more often than old ones: draw from the last ten years' cohort.
    const first = Math.max(0, lastGraduatedBefore(graduates, listedOn - 3650) + 1);
    if (last < first) throw new Error(`no graduate to list in ${year}`);
    for (let attempt = 0; attempt < 1000; attempt++) {
      const t = graduates[rng.int(first, last)]!;
      if (listed.has(t)) continue;
      if (exchange === 'neeq' && year < 2013 && t.incubator.provinceCode !== '110000' && attempt < 900)
        continue;
      listed.add(t);
      t.company.reporter = true;
      world.listings.push({
        id: '',
        tenancy: t,
        exchange,
        ticker: tickers.issue(exchange, year),
        listedOn,
        amountRaised: amountRaised(exchange, year, rng),
      });
      return;
    }
    throw new Error(`no unlisted graduate for ${exchange} in ${year}`);
  };

  for (const [year, exchange, n] of LISTINGS_UNTIL_2006)
    for (let i = 0; i < n * world.scale; i++) list(exchange, year);
  for (let year = SHOWCASE_YEAR + 1; year <= world.lastYear; year++) {
    for (const [exchange, n] of listingsAfter2006(year))
      for (let i = 0; i < n * world.scale; i++) list(exchange, year);
  }
}

/** Index of the last graduate graduated on or before `day`, or -1. */
function lastGraduatedBefore(graduates: readonly GenTenancy[], day: Day): number {
  let lo = 0;
  let hi = graduates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (graduates[mid]!.endedOn! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
