import { isValidUscc, normalizeUscc, Uscc, usccCheckChar, usccProblem } from '@torch/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Codes printed on real business licences.
const REAL = {
  huawei: '914403001922038216',
  tencent: '9144030071526726XG',
  alibaba: '91330100716105852F',
  xiaomi: '91110108551385082Q',
};
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('USCC (GB 32100-2015)', () => {
  it.each(Object.entries(REAL))('accepts the real code of %s', (_name, code) => {
    expect(usccProblem(code)).toBeNull();
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the check character of a real code', () => {
    expect(usccCheckChar(REAL.tencent.slice(0, 17))).toBe('G');
    expect(usccCheckChar(REAL.huawei.slice(0, 17))).toBe('6');
  });

  it.each(Object.values(REAL))('refuses every single-character corruption of %s', (code) => {
    for (let i = 0; i < code.length; i++) {
      for (const c of ALPHABET) {
        if (c === code[i]) continue;
        const corrupted = code.slice(0, i) + c + code.slice(i + 1);
        expect(isValidUscc(corrupted), corrupted).toBe(false);
      }
    }
  });

  it('says a corrupted check character is a check-digit problem', () => {
    expect(usccProblem('914403001922038217')).toBe('uscc_check_digit');
  });

  it('refuses lower case until normalised, and normalises spaces away', () => {
    expect(usccProblem('9144030071526726xg')).toBe('uscc_characters');
    expect(normalizeUscc(' 91440300 7152 6726xg ')).toBe(REAL.tencent);
    expect(isValidUscc(normalizeUscc('91110108551385082q'))).toBe(true);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the forbidden letter %s', (letter) => {
    // Position 10 is inside the organization code, where letters are otherwise allowed.
    const code = `${REAL.huawei.slice(0, 10)}${letter}${REAL.huawei.slice(11)}`;
    expect(usccProblem(code)).toBe('uscc_characters');
    expect(() => usccCheckChar(code.slice(0, 17))).toThrow();
  });

  it('refuses letters in the six-digit division code', () => {
    expect(usccProblem(`91A${REAL.huawei.slice(3)}`)).toBe('uscc_characters');
  });

  it.each([REAL.huawei.slice(0, 17), `${REAL.huawei}0`, ''])('refuses the wrong length (%s)', (code) => {
    expect(usccProblem(code)).toBe('uscc_length');
  });

  it('accepts any well-shaped 17 characters followed by their check character', () => {
    const char = fc.constantFrom(...ALPHABET);
    const digit = fc.constantFrom(...'0123456789');
    const first17 = fc
      .tuple(
        fc.array(char, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(char, { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, c]) => [...a, ...b, ...c].join(''));
    fc.assert(fc.property(first17, (s) => isValidUscc(s + usccCheckChar(s))));
  });

  it('the Uscc schema normalises and then validates', () => {
    expect(Uscc.parse(' 91330100716105852f ')).toBe(REAL.alibaba);
    const bad = Uscc.safeParse('91330100716105852E');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('uscc_check_digit');
  });
});
