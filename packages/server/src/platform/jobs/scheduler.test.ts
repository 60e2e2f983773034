import { describe, expect, it } from 'vitest';
import { startScheduler, type DailyJob } from './scheduler.js';

// Local times: the scheduler works in the server's time zone, as these Date constructors do.
const at = (y: number, mo: number, d: number, h: number, mi = 0) => new Date(y, mo - 1, d, h, mi);
const quiet = { info() {}, error() {} };

describe('daily scheduler', () => {
  it('runs a job once a day from its hour, catching up when started later, and retries a failure', async () => {
    let clock = at(2026, 11, 27, 5, 59);
    const runs: string[] = [];
    let fail = false;
    const job: DailyJob = {
      name: 'test',
      hour: 6,
      async run(date) {
        runs.push(date);
        if (fail) throw new Error('boom');
      },
    };
    const s = startScheduler([job], { now: () => clock, timer: false, retryAfterMs: 15 * 60_000, log: quiet });
    await s.tick();
    expect(runs).toEqual([]);
    clock = at(2026, 11, 27, 6, 0);
    await s.tick();
    clock = at(2026, 11, 27, 14, 30);
    await s.tick();
    expect(runs).toEqual(['2026-11-27']);

    // The next day: due again; a failure is retried after retryAfterMs, not at every tick.
    fail = true;
    clock = at(2026, 11, 28, 9, 0);
    await s.tick();
    clock = at(2026, 11, 28, 9, 10);
    await s.tick();
    expect(runs).toEqual(['2026-11-27', '2026-11-28']);
    fail = false;
    clock = at(2026, 11, 28, 9, 16);
    await s.tick();
    clock = at(2026, 11, 28, 23, 59);
    await s.tick();
    expect(runs).toEqual(['2026-11-27', '2026-11-28', '2026-11-28']);
    await s.stop();
    clock = at(2026, 11, 29, 7, 0);
    await s.tick();
    expect(runs).toHaveLength(3);
  });

  it('does not start a job twice when ticks overlap', async () => {
    let release!: () => void;
    let started = 0;
    const job: DailyJob = { name: 'slow', hour: 0, run: () => (started++, new Promise<void>((r) => (release = r))) };
    const s = startScheduler([job], { now: () => at(2026, 11, 27, 6, 0), timer: false, log: quiet });
    const first = s.tick();
    await s.tick();
    expect(started).toBe(1);
    release();
    await first;
    await s.stop();
  });
});
