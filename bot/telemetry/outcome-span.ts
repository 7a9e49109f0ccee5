import { SpanStatusCode, trace, type SpanOptions } from '@opentelemetry/api';

export type SpanOutcome = 'ok' | 'error';

/**
 * Runs `run` in an active span that ends with its outcome: `forumbot.outcome` always, and on a
 * failure the error's class only (its message may quote what someone typed). `finish` records the
 * metrics of the outcome after the span has ended; the failure is thrown on.
 */
export function inOutcomeSpan<T>(name: string, options: SpanOptions, run: () => Promise<T>, finish: (outcome: SpanOutcome) => void): Promise<T> {
  return trace.getTracer('forumbot').startActiveSpan(name, options, async (span) => {
    let outcome: SpanOutcome = 'ok';
    try {
      return await run();
    } catch (error) {
      outcome = 'error';
      span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.setAttribute('forumbot.outcome', outcome);
      span.end();
      finish(outcome);
    }
  });
}
