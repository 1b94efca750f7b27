// A bound on how many expensive statistics (as-of dates: a year's raw records) one process
// computes at once. The embedded database runs every query on the event loop, one at a time, in
// the order asked: sixteen as-of summaries asked together would queue ahead of every cheap request
// (issue 11: GET /me waited 6.6 s). Through the gate at most `limit` of them are in the database's
// queue; the rest wait here, holding nothing. On PostgreSQL it keeps them from taking every pooled
// connection and core.
//
// Handing the slot on at once is not enough on the embedded database: the next computation's query
// is asked in the same microtask run that ended the last one, before the event loop reads any new
// request, so a cheap request that arrived meanwhile would still wait for all of them. With
// `othersBusy`, the next one waits while other requests are in flight — for as long as the last
// computation took at most, so the expensive work gets about half the database and never starves.
export interface GateOptions {
  /** Whether requests other than those at this gate are in flight (they go first). */
  othersBusy?: (atGate: number) => boolean;
}

const POLL_MS = 5;
const MIN_YIELD_MS = 50;

export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private lastMs = 0;

  constructor(
    private readonly limit: number,
    private readonly options: GateOptions = {},
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.lastMs = performance.now() - started;
      this.handOn();
    }
  }

  /** The slot passes to the next in line (running stays), or is given back. */
  private handOn() {
    const { othersBusy } = this.options;
    if (!othersBusy || !this.waiting.length) return this.pass();
    const until = performance.now() + Math.max(MIN_YIELD_MS, this.lastMs);
    const check = () => {
      if (othersBusy(this.running + this.waiting.length) && performance.now() < until)
        setTimeout(check, POLL_MS);
      else this.pass();
    };
    setImmediate(check);
  }

  private pass() {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}

/** One at a time on the embedded database (it runs one query at a time anyway); two on a server. */
export const expensiveStatsLimit = (kind: 'postgres' | 'pglite') => (kind === 'pglite' ? 1 : 2);
