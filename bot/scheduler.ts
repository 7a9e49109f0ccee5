import { randomUUID } from 'node:crypto';
import { leaseMsFor, type JobLeaseRepository } from '../domain/jobs/job-lease';
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

export interface SchedulerDeps {
  clock: Clock;
  logger: Logger;
  /** With leases, one instance runs each job at a time; without, every instance does (jobs stay idempotent either way). */
  leases?: JobLeaseRepository;
  /** This instance, as lease holder (default: random per process). */
  instanceId?: string;
}

/**
 * Calls each job on its interval, never two runs of one job at a time in this process, and — with
 * leases — never on two instances at once: a run first takes (or renews) the job's lease; whoever
 * does not hold it skips. When the holder dies, its lease runs out and another instance takes over.
 */
export function createScheduler(jobs: readonly ScheduledJob[], deps: SchedulerDeps): Scheduler {
  const instanceId = deps.instanceId ?? randomUUID();
  const running = new Map<string, Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;

  function runJob(job: ScheduledJob): Promise<void> {
    const current = running.get(job.name);
    if (current !== undefined || stopped) return current ?? Promise.resolve();
    const run = holdsLease(job)
      .then((mine) => (mine ? job.run(deps.clock.now()) : undefined))
      .catch((error: unknown) => deps.logger.error({ err: error, job: job.name }, 'scheduled job failed; it runs again at its next interval'))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
    return run;
  }

  async function holdsLease(job: ScheduledJob): Promise<boolean> {
    if (deps.leases === undefined) return true;
    const now = deps.clock.now();
    return deps.leases.tryAcquire(job.name, instanceId, now, new Date(now.getTime() + leaseMsFor(job.everyMs)));
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
      // Hand the leases over now instead of letting them run out.
      const leases = deps.leases;
      if (leases !== undefined) await Promise.allSettled(jobs.map((job) => leases.release(job.name, instanceId)));
    },
  };
}
