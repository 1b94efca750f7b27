// From what a person typed (strings) to what the API takes, the same way in every form: blank is
// "not given" (left out, or null where the API clears a field), text is trimmed, numbers that are
// not numbers stay NaN so that the schema refuses them as such, and 万元 become whole yuan.
import { wanToYuan } from '../../format';

export const text = (input: string) => input.trim() || undefined;
export const textOrNull = (input: string) => input.trim() || null;
export const number = (input: string) => (input.trim() === '' ? undefined : Number(input.trim()));
export const wan = (input: string) => (input.trim() === '' ? undefined : wanToYuan(input));

/** The body without the fields left out. */
export function given(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
