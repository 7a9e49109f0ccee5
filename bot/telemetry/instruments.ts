import { metrics, type Counter, type Histogram, type MeterProvider } from '@opentelemetry/api';

/**
 * Forumbot's metrics. Every attribute is one of our own fixed names (activity type, command name,
 * card verb, outcome kind): never a person, a text or an id.
 */
export interface Instruments {
  turnDuration: Histogram;
  cardActions: Counter;
  deliveries: Counter;
  throttled: Counter;
  jobRuns: Counter;
}

let made: { provider: MeterProvider; instruments: Instruments } | undefined;

/** The instruments of the meter provider registered now (the metrics API has no proxy: asked each time, made once per provider). */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (made?.provider === provider) return made.instruments;
  const meter = provider.getMeter('forumbot');
  const instruments: Instruments = {
    turnDuration: meter.createHistogram('forumbot.turn.duration', { unit: 'ms', description: 'Time to handle one incoming activity' }),
    cardActions: meter.createCounter('forumbot.card_actions', { description: 'Card button clicks by verb' }),
    deliveries: meter.createCounter('forumbot.outbox.deliveries', { description: 'Outbox requests to Teams by outcome' }),
    throttled: meter.createCounter('forumbot.outbox.throttled', { description: 'Requests Teams answered with 429' }),
    jobRuns: meter.createCounter('forumbot.job.runs', { description: 'Scheduled job runs by job and outcome' }),
  };
  made = { provider, instruments };
  return instruments;
}
