// Dates as day numbers (days since 1970-01-01) while generating: comparisons and arithmetic on
// hundreds of thousands of tenancies stay cheap; `iso` turns them into `YYYY-MM-DD` at the end.
const MS_PER_DAY = 86_400_000;

export type Day = number;

export function dayOf(isoDate: string): Day {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
}

const isoCache = new Map<Day, string>();

export function iso(day: Day): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

export function yearStart(year: number): Day {
  return Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
}

export function yearEnd(year: number): Day {
  return yearStart(year + 1) - 1;
}

/** First day of each year 1900–2199, for allocation-free year lookups. */
const YEAR_STARTS = Array.from({ length: 300 }, (_, i) => Math.round(Date.UTC(1900 + i, 0, 1) / MS_PER_DAY));

export function yearOfDay(day: Day): number {
  // Years are 365 or 366 days: the estimate is off by at most one.
  let i = Math.floor((day - YEAR_STARTS[0]!) / 365.2425);
  while (i > 0 && YEAR_STARTS[i]! > day) i--;
  while (i < YEAR_STARTS.length - 1 && YEAR_STARTS[i + 1]! <= day) i++;
  return 1900 + i;
}
