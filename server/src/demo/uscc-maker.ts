// Valid, deterministic USCCs for generated companies: 91 (enterprise) + division + 9-char body + check.
import { usccCheckChar } from '@torch/shared';

const BODY_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function makeUscc(divisionCode: string, serial: number): string {
  let body = '';
  let n = serial;
  for (let i = 0; i < 9; i++) {
    body = BODY_ALPHABET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${divisionCode}${body}`;
  return first17 + usccCheckChar(first17);
}
