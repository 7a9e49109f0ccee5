import { afterAll, beforeAll, expect } from 'vitest';
import { createBotApp, type BotApp } from '../../../bot/app';
import { createLogger } from '../../../bot/logger';
import type { Forum } from '../../../domain/fora/forum';
import { systemClock, type Clock } from '../../../domain/shared/time';
import { startTeamsConnectorEmulator, type TeamsConnectorEmulator } from '../../emulator/teams-connector-emulator';
import { aForum, aMember } from '../../storage/storage.mothers';
import { openTestStorage, uniqueId, type TestStorage } from '../../storage/storage-kit';
import { LogCapture, testConfig } from '../support/bot-harness';
import { aChannel, aPerson, cardAction, aMessage, BOT, TENANT_ID, type Channel, type Person, type Where } from '../support/teams-activities';

export { cardTexts } from '../support/card-reading';

/** A clock that runs with real time from a point the test sets (deadlines, reminders); the outbox needs time to pass. */
export class TestClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  set(instant: Date | string): void {
    this.offset = new Date(instant).getTime() - Date.now();
  }
}

export interface AgendaFixture {
  storage: TestStorage;
  emulator: TeamsConnectorEmulator;
  app: BotApp;
  baseUrl: string;
  clock: TestClock;
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
}

/**
 * Storage, the connector emulator and the bot with a test clock and a running outbox (fast poll),
 * over real HTTP. The scheduler is not started: tests call `app.scheduler.runAll()`.
 */
export function useAgendaBot(): AgendaFixture {
  const fixture = { clock: new TestClock() } as AgendaFixture;
  beforeAll(async () => {
    fixture.storage = openTestStorage();
    fixture.emulator = await startTeamsConnectorEmulator();
    fixture.app = createBotApp({
      config: testConfig(),
      logger: createLogger('warn', process.env['AGENDA_TEST_LOG'] === undefined ? new LogCapture() : process.stderr),
      storage: fixture.storage.storage,
      clock: fixture.clock,
      // The outbox keeps real time: its rate windows must not see the test clock jump back and forth.
      outbox: { pollIntervalMs: 50, clock: systemClock },
    });
    const port = await fixture.app.listen(0, '127.0.0.1');
    fixture.baseUrl = `http://127.0.0.1:${port}`;
    fixture.app.outbox.start();
    fixture.post = async (activity) => {
      const response = await fetch(`${fixture.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    };
  });
  afterAll(async () => {
    await fixture.app?.outbox.stop({ timeoutMs: 5_000 });
    await fixture.app?.close();
    await fixture.emulator?.close();
    await fixture.storage?.storage.dropAll();
  });
  return fixture;
}

export type Card = { body: Record<string, unknown>[]; actions?: Record<string, unknown>[]; refresh?: { action: { verb: string; data: Record<string, unknown> }; userIds: string[] } };


/** Every Action.Execute on a card (body action sets, show-cards and card actions). */
export function cardActions(card: unknown): { title: string; verb: string; data: Record<string, unknown> }[] {
  const out: { title: string; verb: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'Action.Execute') out.push({ title: String(record['title']), verb: String(record['verb']), data: record['data'] as Record<string, unknown> });
    for (const key of ['body', 'items', 'actions', 'card']) if (key in record) walk(record[key]);
  };
  walk(card);
  return out;
}

/** Every input on a card by id, with its current value. */
export function cardInputs(card: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string' && record['type'].startsWith('Input.') && typeof record['id'] === 'string') out.set(record['id'], record['value']);
    for (const key of ['body', 'items', 'actions', 'card']) if (key in record) walk(record[key]);
  };
  walk(card);
  return out;
}

export const isErrorCard = (card: Card): boolean => card.body[0]?.['color'] === 'Attention' && card.body[0]?.['style'] === 'heading';

/** A world: a Kredsråd-like forum linked to a channel, two fora below it with consultants, all known to the emulator. */
export interface World {
  kreds: Forum;
  below: Forum[];
  channel: Channel;
  chair: Person;
  secretary: Person;
  mayor: Person;
  consultants: Person[];
  /** Personal chat id of each person (emulator). */
  chatOf(person: Person): string;
}

export async function seedWorld(f: AgendaFixture, consultantsPerForum = 2): Promise<World> {
  const { storage } = f.storage;
  const suffix = uniqueId('w').slice(2);
  const channel = aChannel('Kredsrådet');
  const kreds = await storage.fora.save(
    aForum({
      name: `Kredsråd Vestegn ${suffix}`,
      level: 'strategic',
      escalatesTo: undefined,
      teams: { conversationId: channel.conversationId, serviceUrl: f.emulator.serviceUrl, tenantId: TENANT_ID, teamId: channel.teamId, channelName: channel.channelName },
    }),
  );
  const below = [
    await storage.fora.save(aForum({ name: `Lokalråd ${suffix}`, level: 'strategic', escalatesTo: kreds.id })),
    await storage.fora.save(aForum({ name: `SSP-netværk ${suffix}`, level: 'executing', escalatesTo: undefined })),
  ];
  // The network sits under the Lokalråd: the default list reaches it through the chain.
  below[1] = await storage.fora.update(below[1]!.id, (c) => ({ ...c, escalatesTo: below[0]!.id, level: 'coordinating' }));
  const chair = aPerson('Borgmester Formand');
  const secretary = aPerson('Sekretær Ole');
  const mayor = aPerson('Borgmester Hansen');
  const consultants = below.flatMap((_, i) => Array.from({ length: consultantsPerForum }, (_x, n) => aPerson(`Konsulent ${i}-${n} ${suffix}`)));
  await storage.members.save(kreds.id, aMember({ userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] }));
  await storage.members.save(kreds.id, aMember({ userId: secretary.aadObjectId, displayName: secretary.name, roles: ['secretary'] }));
  await storage.members.save(kreds.id, aMember({ userId: mayor.aadObjectId, displayName: mayor.name, roles: ['member'] }));
  for (const [i, person] of consultants.entries()) {
    await storage.members.save(below[Math.floor(i / consultantsPerForum)]!.id, aMember({ userId: person.aadObjectId, displayName: person.name, roles: ['consultant'] }));
  }
  const now = new Date().toISOString();
  const chats = new Map<string, string>();
  for (const person of [chair, secretary, mayor, ...consultants]) {
    const user = f.emulator.addUser({ aadObjectId: person.aadObjectId, teamsId: person.teamsId, tenantId: TENANT_ID });
    chats.set(person.aadObjectId, user.personalConversationId);
    await storage.conversations.save({
      conversationId: user.personalConversationId,
      kind: 'personal',
      serviceUrl: f.emulator.serviceUrl,
      tenantId: TENANT_ID,
      botId: BOT.id,
      userId: person.aadObjectId,
      active: true,
      installedAt: now,
    });
    await storage.knownUsers.save({ userId: person.aadObjectId, teamsId: person.teamsId, tenantId: TENANT_ID, serviceUrl: f.emulator.serviceUrl, seenAt: now });
  }
  f.emulator.addConversation({ id: channel.conversationId, kind: 'channel', tenantId: TENANT_ID });
  await storage.conversations.save({ conversationId: channel.conversationId, kind: 'channel', serviceUrl: f.emulator.serviceUrl, tenantId: TENANT_ID, botId: BOT.id, teamId: channel.teamId, active: true, installedAt: now });
  return { kreds, below, channel, chair, secretary, mayor, consultants, chatOf: (p) => chats.get(p.aadObjectId) ?? '' };
}

/** Clicks an Action.Execute and returns the card that replaces it. */
export async function click(f: AgendaFixture, where: Where, person: Person, verb: string, data: unknown): Promise<Card> {
  const { status, body } = await f.post(cardAction(f.emulator.serviceUrl, where, person, verb, data));
  expect(status).toBe(200);
  const response = body as { statusCode: number; value: Card };
  expect(response.statusCode).toBe(200);
  return response.value;
}

/** Sends a typed message and returns the one reply (text or card). */
export async function say(f: AgendaFixture, where: Where, person: Person, text: string): Promise<Record<string, unknown>> {
  const before = f.emulator.sent(where.conversationId).length;
  expect((await f.post(aMessage(f.emulator.serviceUrl, where, person, text, { mention: where.kind !== 'personal' }))).status).toBe(200);
  await f.emulator.waitFor((e) => e.sent(where.conversationId).length > before, 5_000);
  return f.emulator.sent(where.conversationId)[before]!.activity;
}

export const cardOf = (activity: Record<string, unknown>): Card => (activity['attachments'] as { content: Card }[])[0]!.content;
