import { z } from 'zod';
import { Instant } from '../shared/time';

/**
 * Who runs a scheduled job right now. Every instance runs the scheduler; only the holder of a job's
 * lease runs that job, so N instances do the work once, not N times. The holder renews the lease
 * with every run; when it dies, the lease runs out and another instance takes over.
 */
export const JobLease = z.object({
  job: z.string().min(1).max(100),
  holder: z.string().min(1).max(100),
  until: Instant,
  version: z.string().optional(),
});
export type JobLease = z.infer<typeof JobLease>;

/** May `holder` take (or keep) the lease at `now`? Its own lease, a free one, or one that ran out. */
export const mayTakeLease = (current: JobLease | undefined, holder: string, now: Date): boolean =>
  current === undefined || current.holder === holder || Date.parse(current.until) <= now.getTime();

/** How long a lease lasts: two of the job's intervals, at least 30 s, so a slow run keeps its lease. */
export const leaseMsFor = (everyMs: number): number => Math.max(2 * everyMs, 30_000);

export interface JobLeaseRepository {
  /** Takes or renews the lease until `until` if `mayTakeLease`; false when someone else holds it (or won the race). */
  tryAcquire(job: string, holder: string, now: Date, until: Date): Promise<boolean>;
  /** Gives the lease up (on shutdown), so another instance takes over at once. Only its holder can. */
  release(job: string, holder: string): Promise<void>;
  find(job: string): Promise<JobLease | undefined>;
}
