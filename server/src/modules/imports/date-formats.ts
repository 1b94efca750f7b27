// Whether an XLSX number format shows a date: a number in such a cell is an Excel date serial.

/**
 * Built-in formats (ECMA-376 §18.8.30) that are dates or times: 14–22 and 45–47, and the ids
 * Chinese, Japanese and Korean Excel use for their own date formats (27–36, 50–58).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * A custom format is a date when, with its quoted text ("年"), escaped characters (\-) and
 * bracketed parts ([$-804], [Red]) taken out, it still has a date or time code (y m d h s).
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILT_IN_DATES.has(id);
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  // "General" has letters but none of the codes; a date format has one of y/m/d, or h/s.
  return !/^general$/i.test(bare.trim()) && /[ymdhs]/i.test(bare);
}
