import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { RETENTION_JOB, runRetention } from './retention.service';

/** Hourly look: a pass starts once a day, and unfinished passes continue within the hour. */
const EVERY_MS = 3_600_000;

export function createRetentionJob(services: BotServices): ScheduledJob {
  return {
    name: RETENTION_JOB,
    everyMs: EVERY_MS,
    async run(now) {
      const run = await runRetention(services, now);
      if (run.outcome !== 'idle') services.logger.info({ job: RETENTION_JOB, outcome: run.outcome, rows: run.entries.reduce((sum, entry) => sum + entry.keys.length, 0) }, 'retention run');
    },
  };
}
