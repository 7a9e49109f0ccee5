import { SpanKind, SpanStatusCode, metrics, trace, type Attributes, type Span } from '@opentelemetry/api';
import type { OutboxRepository } from '../../domain/outbox/outbox.repository';
import type { CreateOutcome, OutboxSender, OutgoingActivity, SendOutcome } from '../../domain/outbox/outbox-sender';
import { instruments } from './instruments';

/** The outcome of one request, in attributes that name no one. */
function outcomeAttributes(outcome: SendOutcome | CreateOutcome): Attributes {
  const attributes: Attributes = { 'forumbot.outbox.outcome': outcome.kind };
  if ('retryAfterMs' in outcome && outcome.retryAfterMs !== undefined) attributes['forumbot.outbox.retry_after_ms'] = outcome.retryAfterMs;
  if ('status' in outcome) attributes['http.response.status_code'] = outcome.status;
  if ('reason' in outcome) attributes['forumbot.outbox.reason'] = outcome.reason;
  return attributes;
}

/** The worker writes its attempt number on the activity (channelData.forumbot.attempt). */
const attemptOf = (activity: OutgoingActivity): number | undefined => {
  const attempt = (activity.channelData?.['forumbot'] as { attempt?: unknown } | undefined)?.attempt;
  return typeof attempt === 'number' ? attempt : undefined;
};

async function traced<T extends SendOutcome | CreateOutcome>(operation: string, attempt: number | undefined, request: () => Promise<T>): Promise<T> {
  return trace.getTracer('forumbot').startActiveSpan(`outbox ${operation}`, { kind: SpanKind.CLIENT, attributes: { 'forumbot.outbox.operation': operation } }, async (span: Span) => {
    if (attempt !== undefined) span.setAttribute('forumbot.outbox.attempt', attempt);
    try {
      const outcome = await request();
      const attributes = outcomeAttributes(outcome);
      span.setAttributes(attributes);
      if (outcome.kind !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR });
      const { deliveries, throttled } = instruments();
      deliveries.add(1, { 'forumbot.outbox.operation': operation, 'forumbot.outbox.outcome': outcome.kind });
      if (outcome.kind === 'throttled') throttled.add(1, { 'forumbot.outbox.operation': operation });
      return outcome;
    } catch (error) {
      span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** The sender with a span and counts per request (per delivery attempt); the worker is unchanged. */
export function tracedSender(sender: OutboxSender): OutboxSender {
  return {
    send: (target, activity, hooks) => traced('send', attemptOf(activity), () => sender.send(target, activity, hooks)),
    update: (target, activityId, activity, hooks) => traced('update', attemptOf(activity), () => sender.update(target, activityId, activity, hooks)),
    createPersonalConversation: (request, hooks) => traced('createConversation', undefined, () => sender.createPersonalConversation(request, hooks)),
  };
}

/** At most this many queue rows are read for the depth gauge (beyond it the gauge says this much). */
const DEPTH_LIMIT = 1000;
const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/**
 * Gauges for the queue: how many messages wait, and how long the oldest due one is overdue. Read
 * from storage when metrics are exported (once a minute), by each instance. Returns a stop function.
 */
export function observeOutboxQueue(repository: Pick<OutboxRepository, 'listDue'>, now: () => Date = () => new Date()): () => void {
  const meter = metrics.getMeterProvider().getMeter('forumbot');
  const depth = meter.createObservableGauge('forumbot.outbox.depth', { description: 'Messages waiting in the outbox queue' });
  const oldest = meter.createObservableGauge('forumbot.outbox.oldest_due_age', { unit: 'ms', description: 'How long the oldest due message has waited past its due time' });
  const observe = async (result: Parameters<Parameters<typeof meter.addBatchObservableCallback>[0]>[0]): Promise<void> => {
    const queued = await repository.listDue(FAR_FUTURE, DEPTH_LIMIT);
    result.observe(depth, queued.length);
    const first = queued[0];
    result.observe(oldest, first === undefined ? 0 : Math.max(0, now().getTime() - Date.parse(first.dueAt)));
  };
  meter.addBatchObservableCallback(observe, [depth, oldest]);
  return () => meter.removeBatchObservableCallback(observe, [depth, oldest]);
}
