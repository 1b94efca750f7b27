// A bound on how many expensive statistics (as-of dates: a year's raw records) one process
// computes at once. The embedded database runs every query on the event loop, one at a time, in
// the order asked: sixteen as-of summaries asked together would queue ahead of every cheap request
// (issue 11: GET /me waited 6.6 s). Through the gate at most `limit` of them are in the database's
// queue, so the requests that arrive meanwhile wait for one of them at most; the rest wait here,
// holding nothing. On PostgreSQL it keeps them from taking every pooled connection and core.
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line (running stays), or is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/** One at a time on the embedded database (it runs one query at a time anyway); two on a server. */
export const expensiveStatsLimit = (kind: 'postgres' | 'pglite') => (kind === 'pglite' ? 1 : 2);
