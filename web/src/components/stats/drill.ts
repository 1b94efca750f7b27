// Where a drill-down step leads on the statistics page. A step keeps the year, source and
// indicator; the grouping and order chosen for one level rarely suit the next, so each level
// opens on its own.
export const STATS_PATH = '/stats';

export function drillSearch(current: URLSearchParams, province: string | undefined): string {
  const next = new URLSearchParams(current);
  next.delete('groupBy');
  next.delete('order');
  if (province) next.set('province', province);
  else next.delete('province');
  const text = next.toString();
  return text ? `?${text}` : '';
}

/** The statistics page for the whole country (`province` undefined) or one province. */
export function statsPathFor(current: URLSearchParams, province: string | undefined): string {
  return `${STATS_PATH}${drillSearch(current, province)}`;
}
