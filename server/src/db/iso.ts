/** The text PostgreSQL gives for a timestamptz in a UTC session: `2026-12-01 10:55:35.613+00`. */
const UTC_TEXT = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;

/**
 * Timestamps leave the API as ISO 8601 UTC whatever text the driver gave. UTC text is rewritten
 * directly (to the millisecond, as toISOString truncates); parsing a Date from text cost several
 * percent of a tenant page's CPU. Any other offset goes through Date.
 */
export const iso = (timestamp: string): string => {
  const utc = UTC_TEXT.exec(timestamp);
  if (utc) return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return new Date(timestamp).toISOString();
};
