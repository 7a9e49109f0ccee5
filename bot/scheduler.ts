import type { Clock } from '../domain/shared/time';
import type { ScheduledJob } from './core/feature';
import type { Logger } from './logger';

export interface Scheduler {
  start(): void;
  /** Runs every job once now (tests, and at start so that what was missed while down goes out). */
  runAll(): Promise<void>;
  /** No new runs; waits for runs in progress (bounded). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * Calls each job on its interval, never two runs of one job at a time in this process. Several
 * instances run the same jobs; jobs make that safe with idempotency keys and conditional writes.
 */
export function createScheduler(jobs: readonly ScheduledJob[], deps: { clock: Clock; logger: Logger }): Scheduler {
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  function runJob(job: ScheduledJob): Promise<void> {
    const current = running.get(job.name);
    if (current !== undefined || stopped) return current ?? Promise.resolve();
    const run = job
      .run(deps.clock.now())
      .catch((error: unknown) => deps.logger.error({ err: error, job: job.name }, 'scheduled job failed; it runs again at its next interval'))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  return {
    start() {
      for (const job of jobs) {
        void runJob(job);
        const timer = setInterval(() => void runJob(job), job.everyMs);
        timer.unref();
        timers.push(timer);
      }
    },
    async runAll() {
      await Promise.all(jobs.map(runJob));
    },
    async stop(options = {}) {
      stopped = true;
      for (const timer of timers.splice(0)) clearInterval(timer);
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...running.values()]),
        new Promise((resolve) => (timeout = setTimeout(resolve, options.timeoutMs ?? 10_000))),
      ]);
      clearTimeout(timeout);
    },
  };
}
