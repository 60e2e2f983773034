/** A job that runs once a day, at or after a local time of day. */
export interface DailyJob {
  name: string;
  /** Local hour (the server's time zone, TZ) and minute from which the day's run is due. */
  hour: number;
  minute?: number;
  /** Runs the job for a local date (YYYY-MM-DD). Must be safe to run twice for the same date. */
  run(date: string): Promise<void>;
}

export interface SchedulerLog {
  info(message: string): void;
  error(message: string, error: unknown): void;
}

export interface Scheduler {
  /** Checks once whether a job is due and runs it (the timer calls this; tests call it directly). */
  tick(): Promise<void>;
  /** Stops the timer and waits for a running job to finish. */
  stop(): Promise<void>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * A tiny daily scheduler: every `checkEveryMs` it runs each job whose time of day has passed and
 * that has not yet run today in this process, so a process started after the hour catches up.
 * It keeps no shared state: with several instances every one runs the job, and the jobs
 * themselves must make a second run harmless (the reminders claim each e-mail in the database).
 * A failed run is retried after `retryAfterMs`.
 */
export function startScheduler(jobs: DailyJob[], options: { now?: () => Date; checkEveryMs?: number; retryAfterMs?: number; log?: SchedulerLog; timer?: boolean } = {}): Scheduler {
  const now = options.now ?? (() => new Date());
  const retryAfterMs = options.retryAfterMs ?? 15 * 60_000;
  const log = options.log ?? { info: (m) => console.log(m), error: (m, e) => console.error(m, e) };
  const doneOn = new Map<string, string>();
  const notBefore = new Map<string, number>();
  const running = new Set<Promise<void>>();
  let stopped = false;

  const tick = async () => {
    if (stopped) return;
    const t = now();
    const date = localDate(t);
    for (const job of jobs) {
      if (doneOn.get(job.name) === date) continue;
      if (t.getHours() * 60 + t.getMinutes() < job.hour * 60 + (job.minute ?? 0)) continue;
      if ((notBefore.get(job.name) ?? 0) > t.getTime()) continue;
      doneOn.set(job.name, date); // set before running, so an overlapping tick does not start it twice
      const p = job.run(date).then(
        () => log.info(`job ${job.name} ${date}: done`),
        (e) => {
          doneOn.delete(job.name);
          notBefore.set(job.name, t.getTime() + retryAfterMs);
          log.error(`job ${job.name} ${date}: failed, retrying in ${Math.round(retryAfterMs / 60_000)} min`, e);
        },
      );
      running.add(p);
      void p.finally(() => running.delete(p));
      await p;
    }
  };

  let timer: NodeJS.Timeout | null = null;
  if (options.timer !== false) {
    timer = setInterval(() => void tick(), options.checkEveryMs ?? 60_000);
    timer.unref(); // never keeps the process alive on its own
    setImmediate(() => void tick());
  }
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.all(running);
    },
  };
}
