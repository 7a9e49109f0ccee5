import { randomUUID } from 'node:crypto';
import { AggregationTemporality, InMemoryMetricExporter, type DataPoint, type ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { InMemoryLogRecordExporter } from '@opentelemetry/sdk-logs';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotApp, type BotApp } from '../../bot/app';
import { entryPointsOf } from '../../bot/core/registry';
import { features } from '../../bot/features';
import { createLogger } from '../../bot/logger';
import { observeOutboxQueue } from '../../bot/telemetry/outbox-telemetry';
import { startTelemetry, type Telemetry } from '../../bot/telemetry/telemetry';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import type { TeamsConnectorEmulator } from '../emulator/teams-connector-emulator';
import { openTestStorage, type TestStorage } from '../storage/storage-kit';
import { LogCapture, startEmulator, testConfig } from './support/bot-harness';
import { outboxDrained } from './support/outbox-drained';
import { aMessage, aPersonalChat, cardAction, installationUpdate, type Person } from './support/teams-activities';

/**
 * Telemetry with in-memory exporters: what one process would send to Azure Monitor, read back.
 * A person full of personal data talks to the bot, clicks a card and gets a message from the
 * outbox; none of it may appear in any exported span, metric or log record.
 */
const spans = new InMemorySpanExporter();
const metricsOut = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const logsOut = new InMemoryLogRecordExporter();
let telemetry: Telemetry;
let storage: TestStorage;
let emulator: TeamsConnectorEmulator;
let app: BotApp;
let baseUrl: string;
let stopObserving: () => void;
const localLog = new LogCapture();

const person: Person = { aadObjectId: randomUUID(), teamsId: `29:1${randomUUID().replaceAll('-', '')}`, name: 'Kirstine Fjordbakke-Hemmelund' };
const chat = aPersonalChat();
const EMAIL = 'kirstine.fjordbakke@ishoj.dk';
const PHONE = '24681357';
const FREE_TEXT = 'bekymring for Oliver Strandvejsen i 7.b';
const PERSONAL = [person.name, 'Kirstine', 'Fjordbakke', 'Hemmelund', person.aadObjectId, person.teamsId, chat.conversationId, EMAIL, PHONE, 'Oliver', 'Strandvejsen', 'bekymring'];

const post = async (activity: Record<string, unknown>): Promise<number> =>
  (await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) })).status;

/** Every string telemetry would send: names, attribute keys and values, bodies. */
function exportedStrings(resourceMetrics: ResourceMetrics[]): string[] {
  const out: string[] = [];
  const add = (value: unknown): void => {
    if (value === undefined || value === null) return;
    out.push(typeof value === 'string' ? value : JSON.stringify(value));
  };
  for (const span of spans.getFinishedSpans()) {
    add(span.name);
    add(span.attributes);
    add(span.resource.attributes);
    for (const event of span.events) add(event);
    for (const link of span.links) add(link.attributes);
  }
  for (const rm of resourceMetrics) {
    add(rm.resource.attributes);
    for (const scope of rm.scopeMetrics) for (const metric of scope.metrics) {
      add(metric.descriptor);
      for (const point of metric.dataPoints) add(point.attributes);
    }
  }
  for (const record of logsOut.getFinishedLogRecords()) {
    add(record.body);
    add(record.attributes);
    add(record.resource.attributes);
  }
  return out;
}

beforeAll(async () => {
  telemetry = startTelemetry({ exporters: { spans, metrics: metricsOut, logs: logsOut }, metricIntervalMs: 3_600_000 });
  storage = openTestStorage();
  emulator = await startEmulator();
  emulator.addUser({ aadObjectId: person.aadObjectId, teamsId: person.teamsId });
  app = createBotApp({ config: testConfig(), logger: createLogger('debug', localLog, telemetry.logs), storage: storage.storage, outbox: { pollIntervalMs: 50 } });
  baseUrl = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
  app.outbox.start();
  stopObserving = observeOutboxQueue(storage.storage.outbox);

  const from = { ...person };
  const verb = entryPointsOf(features).actions[0]!.verb;
  expect(await post(installationUpdate(emulator.serviceUrl, chat, from, 'add'))).toBe(200);
  expect(await post(aMessage(emulator.serviceUrl, chat, from, `fora ${EMAIL} ${PHONE} ${FREE_TEXT}`))).toBe(200);
  expect(await post(aMessage(emulator.serviceUrl, chat, from, `Hej, jeg er ${person.name}: ${FREE_TEXT}`))).toBe(200);
  expect(await post(cardAction(emulator.serviceUrl, chat, from, verb, { note: FREE_TEXT, email: EMAIL, forumId: person.name }))).toBe(200);
  expect(await post(cardAction(emulator.serviceUrl, chat, from, `${person.name}-verb`, { note: FREE_TEXT }))).toBe(200);
  // A message without the fields Teams always sends is refused at the edge, and that is logged too.
  const stripped = aMessage(emulator.serviceUrl, chat, from, `fora ${FREE_TEXT}`);
  delete stripped['from'];
  expect(await post(stripped)).toBe(400);

  await app.outbox.enqueue({
    idempotencyKey: `telemetry:${randomUUID()}`,
    recipient: { kind: 'user', userId: person.aadObjectId },
    activity: { summary: `Til ${person.name}`, text: `${FREE_TEXT} (${EMAIL}, ${PHONE})` },
    subject: { type: 'test', id: person.name, forumId: 'kredsraad' },
    causedBy: person.aadObjectId,
  });
  await outboxDrained(storage.storage);
  await app.scheduler.runAll();

  // A write that loses a race: the conflict is counted, by table only.
  const message = (await storage.storage.outbox.listByCauser(person.aadObjectId))[0]!;
  await storage.storage.outbox.update(message);
  await expect(storage.storage.outbox.update(message)).rejects.toBeInstanceOf(ConcurrencyError);

  await telemetry.flush();
}, 60_000);

afterAll(async () => {
  stopObserving?.();
  await app?.outbox.stop({ timeoutMs: 1_000 });
  await app?.close();
  await telemetry?.shutdown();
  await emulator?.close();
  await storage?.storage.dropAll();
});

const spanNamed = (name: string) => spans.getFinishedSpans().filter((span) => span.name === name);
/** The data points of one metric (values are numbers for counters and gauges). */
const pointsOf = (name: string): DataPoint<number>[] =>
  metricsOut
    .getMetrics()
    .flatMap((rm) => rm.scopeMetrics.flatMap((scope) => scope.metrics))
    .filter((metric) => metric.descriptor.name === name)
    .flatMap((metric) => metric.dataPoints as DataPoint<number>[]);

describe('telemetry (in-memory exporters)', () => {
  it('given turns then there is a span per turn with the activity type, the command or card verb, and the outcome', () => {
    const messages = spanNamed('turn message');
    expect(messages.map((span) => span.attributes['forumbot.command']).sort()).toEqual(['forums', 'none']);
    expect(messages.every((span) => span.attributes['forumbot.outcome'] === 'ok')).toBe(true);
    const invokes = spanNamed('turn invoke');
    const verb = entryPointsOf(features).actions[0]!.verb;
    expect(invokes.map((span) => span.attributes['forumbot.card.verb']).sort()).toEqual([verb, 'other'].sort());
    expect(invokes.every((span) => span.attributes['forumbot.invoke.name'] === 'adaptiveCard/action')).toBe(true);
    expect(spanNamed('turn installationUpdate')).toHaveLength(1);
    expect(messages[0]!.duration[0] + messages[0]!.duration[1]).toBeGreaterThan(0);
  });

  it('given an outbox delivery then there is a span per attempt with outcome and attempt number, and a job run has its span', () => {
    const sends = spanNamed('outbox send');
    expect(sends.some((span) => span.attributes['forumbot.outbox.outcome'] === 'ok' && span.attributes['forumbot.outbox.attempt'] === 1)).toBe(true);
    const jobs = spans.getFinishedSpans().filter((span) => span.name.startsWith('job '));
    expect(jobs.length).toBe(features.flatMap((f) => f.jobs?.(app.services) ?? []).length);
    expect(jobs.every((span) => span.attributes['forumbot.outcome'] === 'ok')).toBe(true);
  });

  it('given the same turns then the metrics count turn durations, card actions by verb, deliveries by outcome, jobs, queue depth and storage conflicts', () => {
    const durations = pointsOf('forumbot.turn.duration');
    expect(durations.some((p) => p.attributes['forumbot.command'] === 'forums')).toBe(true);
    const clicks = pointsOf('forumbot.card_actions');
    expect(clicks.map((p) => p.attributes['forumbot.card.verb']).sort()).toEqual([entryPointsOf(features).actions[0]!.verb, 'other'].sort());
    const deliveries = pointsOf('forumbot.outbox.deliveries');
    expect(deliveries.find((p) => p.attributes['forumbot.outbox.outcome'] === 'ok' && p.attributes['forumbot.outbox.operation'] === 'send')?.value).toBeGreaterThanOrEqual(1);
    expect(pointsOf('forumbot.job.runs').length).toBeGreaterThan(0);
    const depth = pointsOf('forumbot.outbox.depth');
    expect(depth.at(-1)?.value).toBe(0);
    expect(pointsOf('forumbot.outbox.oldest_due_age').at(-1)?.value).toBe(0);
    const conflicts = pointsOf('forumbot.storage.conflicts');
    expect(conflicts).toEqual([expect.objectContaining({ attributes: { 'forumbot.storage.table': 'outbox' }, value: 1 })]);
  });

  it('given a log line written inside a turn then the local log carries the trace id of that turn span, and so does the exported record', () => {
    const line = localLog.lines.find((l) => l['msg'] === 'card action with an unknown verb');
    expect(line?.['traceId']).toMatch(/^[0-9a-f]{32}$/);
    expect(spans.getFinishedSpans().some((span) => span.spanContext().traceId === line?.['traceId'] && span.name === 'turn invoke')).toBe(true);
    const record = logsOut.getFinishedLogRecords().find((r) => r.body === line?.['msg']);
    expect(record?.spanContext?.traceId).toBe(line?.['traceId']);
  });

  it('given a turn full of personal data then no exported span, metric or log record carries any of it', () => {
    const exported = exportedStrings(metricsOut.getMetrics());
    expect(exported.length).toBeGreaterThan(50);
    for (const personal of PERSONAL) {
      const leaks = exported.filter((text) => text.toLowerCase().includes(personal.toLowerCase()));
      expect(leaks, personal).toEqual([]);
    }
  });
});
