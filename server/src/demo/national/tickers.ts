// Unique tickers per exchange, in each exchange's own style: six digits on the mainland boards
// (600xxx, 000xxx/002xxx, 300xxx, 688xxx, 83xxxx, NEEQ 430xxx), five in Hong Kong, letters in New York.
import type { Rng } from './prng';

const START: Readonly<Record<string, number>> = {
  sse_main: 600_100,
  szse_main: 520,
  szse_chinext: 300_001,
  sse_star: 688_001,
  bse: 830_800,
  neeq: 430_001,
  hkex: 1_000,
  nasdaq: 20_000,
  nyse: 800,
  other: 1,
};

const letters = (n: number, width: number) => {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
};

export class TickerBook {
  private readonly next = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  issue(exchange: string, year: number): string {
    let n = this.next.get(exchange) ?? START[exchange] ?? 1;
    // The SME board (002xxx) opened on the Shenzhen main board in 2004; NEEQ went national (83xxxx) in 2013.
    if (exchange === 'szse_main' && year >= 2004 && n < 2_001) n = 2_001;
    if (exchange === 'neeq' && year >= 2013 && n < 830_001) n = 830_001;
    const step = exchange === 'hkex' || exchange === 'nasdaq' ? this.rng.int(3, 40) : this.rng.int(1, 6);
    this.next.set(exchange, n + step);
    switch (exchange) {
      case 'hkex':
        return String(n).padStart(5, '0');
      case 'nasdaq':
        return letters(n, 4);
      case 'nyse':
        return letters(n, 3);
      case 'other':
        return `X${n}`;
      default:
        return String(n).padStart(6, '0');
    }
  }
}
