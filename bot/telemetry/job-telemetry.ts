import { SpanKind } from '@opentelemetry/api';
import type { ScheduledJob } from '../core/feature';
import { instruments } from './instruments';
import { inOutcomeSpan } from './outcome-span';

/** The job with a span and a count per run (job name and outcome; the scheduler is unchanged). */
export function tracedJob(job: ScheduledJob): ScheduledJob {
  return {
    ...job,
    run: (now) =>
      inOutcomeSpan(
        `job ${job.name}`,
        { kind: SpanKind.INTERNAL, attributes: { 'forumbot.job': job.name } },
        () => job.run(now),
        (outcome) => instruments().jobRuns.add(1, { 'forumbot.job': job.name, 'forumbot.outcome': outcome }),
      ),
  };
}
