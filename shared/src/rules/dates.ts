// Calendar arithmetic on `YYYY-MM-DD` strings. Dates are civil dates in China (UTC+8), so "today"
// is taken in Asia/Shanghai, not in the server's zone.

const DAY = 86_400_000;
const CHINA_OFFSET = 8 * 3600_000;
/** The day last asked for and its bounds: schemas ask once per date field (imports: 100,000 times). */
let cachedDay = { from: 0, to: 0, day: '' };

export function todayInChina(now: Date = new Date()): string {
  const t = now.getTime();
  if (t >= cachedDay.from && t < cachedDay.to) return cachedDay.day;
  const day = new Date(t + CHINA_OFFSET).toISOString().slice(0, 10);
  const from = Math.floor((t + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
  cachedDay = { from, to: from + DAY, day };
  return day;
}

export function isFutureDate(date: string, today: string = todayInChina()): boolean {
  return date > today;
}

/** Adds whole calendar months; the 31st plus one month is the last day of the next month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
