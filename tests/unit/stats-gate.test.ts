// The expensive-statistics gate: never more than its limit at work, every waiter served in turn.
import { describe, expect, it } from 'vitest';
import { Gate } from '../../server/src/modules/stats/gate';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('Gate', () => {
  it('runs at most `limit` at once and starts the next as one finishes, in order', async () => {
    const gate = new Gate(2);
    const jobs = Array.from({ length: 5 }, () => deferred());
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const done = jobs.map((job, n) =>
      gate.run(async () => {
        started.push(n);
        running += 1;
        most = Math.max(most, running);
        await job.promise;
        running -= 1;
        return n;
      }),
    );
    await settle();
    expect(started).toEqual([0, 1]);
    jobs[1]!.resolve();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const job of jobs) job.resolve();
    expect(await Promise.all(done)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('asks whether others are busy before handing on, and hands on even if they stay busy', async () => {
    const asked: number[] = [];
    const gate = new Gate(1, {
      othersBusy: (atGate) => {
        asked.push(atGate);
        return true;
      },
    });
    const first = deferred();
    const a = gate.run(() => first.promise);
    const b = gate.run(async () => 'b');
    first.resolve();
    await a;
    expect(await b).toBe('b');
    // Both requests were at the gate while it asked (the finishing one and the waiting one).
    expect(asked.length).toBeGreaterThan(0);
    expect(asked[0]).toBe(2);
  });

  it('frees the slot when the work fails', async () => {
    const gate = new Gate(1);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
