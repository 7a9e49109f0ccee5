import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ScheduledJob } from '../core/feature';
import { instruments } from './instruments';

/** The job with a span and a count per run (job name and outcome; the scheduler is unchanged). */
export function tracedJob(job: ScheduledJob): ScheduledJob {
  return {
    ...job,
    run: (now) =>
      trace.getTracer('forumbot').startActiveSpan(`job ${job.name}`, { kind: SpanKind.INTERNAL, attributes: { 'forumbot.job': job.name } }, async (span) => {
        let outcome = 'ok';
        try {
          await job.run(now);
        } catch (error) {
          outcome = 'error';
          span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
          span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          span.setAttribute('forumbot.outcome', outcome);
          span.end();
          instruments().jobRuns.add(1, { 'forumbot.job': job.name, 'forumbot.outcome': outcome });
        }
      }),
  };
}
