// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
// 18 characters from a 31-character alphabet (no I, O, Z, S, V): registration authority (1),
// entity type (1), administrative division (6 digits), organization code (9), check character (1).

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Weight of position i is 3^i mod 31 (GB 32100-2015 table 3).
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters of a code. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) throw new Error(`not a USCC character: ${first17[i]}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

export type UsccProblem = 'uscc_length' | 'uscc_characters' | 'uscc_check_digit';

/** Why a code is not a valid USCC, or null when it is. Expects upper case (normalise first). */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'uscc_length';
  if (!SHAPE.test(code)) return 'uscc_characters';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? null : 'uscc_check_digit';
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/** Codes are printed in upper case; people type them with spaces and lower case. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}
