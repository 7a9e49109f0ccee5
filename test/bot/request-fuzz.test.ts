import { describe, expect, test } from 'vitest';
import { normaliseForCprCheck } from '../../domain/shared/cpr-guard';
import { TABLES } from '../../storage/table-client';
import { aForum } from '../domain/support/mothers';
import { uniqueId } from '../storage/storage-kit';
import { cprSample, seededRandom, type Random } from '../support/cpr-samples';
import { useRunningBot } from './support/bot-harness';
import { aChannel, aMessage, aPerson, aPersonalChat, botAdded, cardAction, installationUpdate } from './support/teams-activities';
import { cardVerbs } from './support/card-verbs';

/**
 * A bounded fuzz of `/api/messages`: activity shapes mutated at random (fields removed or of the
 * wrong type, lone surrogates, deep nesting, junk bodies) and every card verb with random payloads
 * that carry CPR numbers. No response may be a 5xx, the server must keep answering, and no CPR
 * number may reach a table. Seeded: a failure names the seed and the request.
 */
const SEED = 0x0f15;
const REQUESTS = 1500;

const running = useRunningBot();

/** The ten digits of every CPR number sent, to look for in the tables afterwards. */
const injected = new Set<string>();
function cpr(rng: Random): string {
  const { text } = cprSample(rng);
  injected.add(normaliseForCprCheck(text).replace(/\D/g, ''));
  return text;
}

const LONE = '\ud800';
/** Wrong values of every type; `withCpr` adds a CPR number (for text fields: ids are opaque and GUIDs are checked). */
const junkValues = (rng: Random, withCpr = true): unknown[] => [
  null,
  42,
  -1.5,
  true,
  [],
  {},
  [1, 'a', null],
  { nested: { deeper: [{}] } },
  `id-${LONE}`,
  `${LONE}`,
  'x'.repeat(5_000),
  '',
  ...(withCpr ? [cpr(rng)] : []),
  deep(40),
];

function deep(levels: number): unknown {
  let value: unknown = 'bund';
  for (let i = 0; i < levels; i++) value = { v: value };
  return value;
}

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** Field names the cards' forms use; a payload gets some of these with junk or CPR numbers. */
const FORM_FIELDS = [
  'title', 'description', 'presenter', 'note', 'taskTitle', 'taskDue', 'displayName', 'email', 'newUserId', 'knownUserId', 'roles',
  'location', 'onlineMeetingUrl', 'firstDate', 'startTime', 'durationMinutes', 'kind', 'interval', 'rrule', 'newTitle', 'newDescription',
  'newPresenter', 'newUrl', 'meetingDate', 'meetingTime', 'deadlineDate', 'deadlineTime', 'reminderHours', 'shareWith', 'blockReason',
  'proposedDate', 'escalationNote', 'title_1', 'owner_1', 'extName_1', 'extEmail_1', 'due_1', 'category', 'urgency', 'action', 'step',
  'revision', 'itemId', 'agendaId', 'escalationId', 'key', 'slot', 'enabled', 'comment', 'noComments',
];

function payload(rng: Random, forumId: string): Record<string, unknown> {
  const data: Record<string, unknown> = rng() < 0.8 ? { forumId } : {};
  const count = 1 + Math.floor(rng() * 6);
  for (let i = 0; i < count; i++) {
    const field = pick(rng, FORM_FIELDS);
    data[field] = rng() < 0.5 ? cpr(rng) : pick(rng, junkValues(rng));
  }
  return data;
}

function mutate(rng: Random, activity: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(activity);
  const mutations = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < mutations; i++) {
    const keys = Object.keys(copy);
    const key = pick(rng, [...keys, 'type', 'serviceUrl', 'text', 'entities', 'id', 'from', 'conversation', 'channelData', 'value']);
    const roll = rng();
    if (roll < 0.3) delete copy[key];
    else if (roll < 0.8) copy[key] = pick(rng, junkValues(rng, !/id$|Id$|^id$/.test(key)));
    else if (typeof copy[key] === 'object' && copy[key] !== null) {
      const inner = copy[key] as Record<string, unknown>;
      const field = pick(rng, ['id', 'tenantId', 'name', 'aadObjectId', 'tenant', 'action']);
      inner[field] = pick(rng, junkValues(rng, field === 'name' || field === 'action'));
    }
  }
  return copy;
}

/** Bodies that are not activities at all. */
const RAW_BODIES: readonly { body: string; type: string }[] = [
  { body: '', type: 'application/json' },
  { body: '{', type: 'application/json' },
  { body: '[]', type: 'application/json' },
  { body: '"text"', type: 'application/json' },
  { body: 'null', type: 'application/json' },
  { body: '{"type":"message"}', type: 'text/plain' },
  { body: '<xml/>', type: 'application/xml' },
  { body: '{"type":"message","text":"\\ud800"}', type: 'application/json' },
];

describe('fuzzing /api/messages', () => {
  test(`given ${REQUESTS} malformed or hostile requests then none gets a 5xx, the server keeps answering and no CPR number is stored`, async () => {
    const { bot, emulator, storage } = running;
    const rng = seededRandom(SEED);
    const chair = aPerson('Fuzz Formand');
    const forum = await storage.storage.fora.save(aForum({ id: uniqueId('fuzz'), name: `Fuzz ${uniqueId('f')}`, escalatesTo: undefined }));
    await storage.storage.members.save(forum.id, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair', 'secretary', 'member'] });
    const verbs = cardVerbs();
    const where = [aPersonalChat(), aChannel()];

    const counts = { requests: 0, ok2xx: 0, client4xx: 0, server5xx: 0, crashes: 0 };
    const failures: string[] = [];
    const statusSeen = new Map<number, number>();
    const answers: string[] = [];
    for (let n = 0; n < REQUESTS; n++) {
      const place = pick(rng, where);
      let body: string;
      let type = 'application/json';
      const roll = rng();
      if (roll < 0.05) ({ body, type } = pick(rng, RAW_BODIES));
      else if (roll < 0.55) {
        // Every verb, in turn, with a random payload; sometimes the envelope is broken as well.
        const verb = verbs[n % verbs.length] ?? 'help.show';
        const click = cardAction(emulator.serviceUrl, place, chair, verb, payload(rng, forum.id));
        body = JSON.stringify(rng() < 0.2 ? mutate(rng, click) : click);
      } else {
        const base = pick(rng, [
          () => aMessage(emulator.serviceUrl, place, chair, pick(rng, ['fora', 'hjælp', 'møder', 'eskaler', `eskaler ${cpr(rng)}`, `tilknyt ${cpr(rng)}`]), { mention: place.kind === 'channel' }),
          () => botAdded(emulator.serviceUrl, place, chair),
          () => installationUpdate(emulator.serviceUrl, place, chair, 'add'),
        ])();
        body = JSON.stringify(mutate(rng, base));
      }
      counts.requests += 1;
      try {
        const response = await fetch(`${bot.baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': type }, body });
        const text = await response.text();
        answers.push(text);
        statusSeen.set(response.status, (statusSeen.get(response.status) ?? 0) + 1);
        if (response.status >= 500) {
          counts.server5xx += 1;
          failures.push(`#${n} ${response.status} ${text.slice(0, 120)} ← ${body.slice(0, 200)}`);
        } else if (response.status >= 400) {
          counts.client4xx += 1;
          // A refusal says nothing about our insides.
          if (/Error|validate|stack|at \S+\.(ts|js)/.test(text)) failures.push(`#${n} ${response.status} leaks: ${text.slice(0, 200)}`);
        } else counts.ok2xx += 1;
      } catch (error) {
        counts.crashes += 1;
        failures.push(`#${n} no response: ${String(error)}`);
      }
    }
    console.info(`[request-fuzz] seed=${SEED.toString(16)} verbs=${verbs.length} ${JSON.stringify(counts)} statuses=${JSON.stringify(Object.fromEntries(statusSeen))}`);
    // What the server logged as failures, to find the cause of a 5xx quickly.
    for (const line of bot.logs.lines.filter((l) => Number(l['level']) >= 50).slice(0, 3)) {
      const err = line['err'] as { message?: string; stack?: string } | undefined;
      console.info(`[request-fuzz] logged: ${String(line['msg'])} ${String(line['verb'] ?? '')} ${err?.stack?.split('\n').slice(0, 4).join(' | ') ?? ''}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(counts.server5xx).toBe(0);
    expect(counts.crashes).toBe(0);
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);

    // No table holds anything that is a CPR number once normalised.
    const stored: Record<string, unknown>[] = [];
    for (const table of TABLES) {
      try {
        for await (const row of storage.raw(table).listEntities()) stored.push(row);
      } catch {
        // A table nobody wrote to does not exist.
      }
    }
    const withCpr = stored.filter(containsInjectedCpr).map((row) => JSON.stringify(row).slice(0, 300));
    console.info(`[request-fuzz] rows read back=${stored.length} rows holding a CPR number=${withCpr.length}`);
    expect(withCpr.slice(0, 3)).toEqual([]);
    // Nor does the log: a refusal is logged by its code, never with the text.
    const loggedCpr = bot.logs.lines.filter(containsInjectedCpr).map((line) => JSON.stringify(line).slice(0, 300));
    console.info(`[request-fuzz] log lines=${bot.logs.lines.length} holding a CPR number=${loggedCpr.length}`);
    expect(loggedCpr.slice(0, 3)).toEqual([]);
    // Nor anything the bot sent to Teams (replies and cards never repeat a refused text).
    const echoed = [...emulator.sent(), ...emulator.updates()].filter((sent) => containsInjectedCpr(sent as unknown as Record<string, unknown>));
    console.info(`[request-fuzz] sent to Teams=${emulator.sent().length + emulator.updates().length} holding a CPR number=${echoed.length}`);
    expect(echoed.map((sent) => JSON.stringify(sent).slice(0, 300)).slice(0, 3)).toEqual([]);
    const answered = answers.filter((text) => containsInjectedCpr({ text }));
    console.info(`[request-fuzz] HTTP answers holding a CPR number=${answered.length}`);
    expect(answered.map((text) => text.slice(0, 300)).slice(0, 3)).toEqual([]);
  }, 300_000);
});

/** Every string in a row, looking inside properties that hold JSON (cards in the outbox, history). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    out.push(value);
    if (/^[[{]/.test(value)) {
      try {
        stringsIn(JSON.parse(value), out);
      } catch {
        // Not JSON after all.
      }
    }
  } else if (Array.isArray(value)) for (const item of value) stringsIn(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) stringsIn(item, out);
  return out;
}

/** A stored row holding one of the CPR numbers sent, in whatever dress it was sent. */
function containsInjectedCpr(row: Record<string, unknown>): boolean {
  return stringsIn(row).some((text) => {
    const digits = normaliseForCprCheck(text).replace(/(?<=\d)[ -](?=\d)/g, '');
    for (const number of injected) if (digits.includes(number)) return true;
    return false;
  });
}
