import { beforeEach, describe, expect, test } from 'vitest';
import dc from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { Agenda } from '../../../domain/agendas/agenda';
import { aForum } from '../../storage/storage.mothers';
import { uniqueId } from '../../storage/storage-kit';
import { aPerson, aPersonalChat, cardAction, type Person } from '../support/teams-activities';
import { cardTexts, click, useAgendaBot, type Card } from './agenda-harness';

const f = useAgendaBot();
const CONSULTANTS = 200;

/** Storage requests of this process, except the outbox worker's polls (it runs beside the turn). */
function countStorageRequests(port: number): { count(): number; close(): void } {
  let n = 0;
  const onStart = (message: unknown): void => {
    const request = (message as { request?: ClientRequest }).request;
    if (request?.getHeader('host') === `127.0.0.1:${port}` && !/outbox/i.test(request.path)) n++;
  };
  dc.subscribe('http.client.request.start', onStart);
  return { count: () => n, close: () => void dc.unsubscribe('http.client.request.start', onStart) };
}

/**
 * A published agenda of a new forum, circulated to `people` (their cards already queued) with the
 * deadline ahead of the test clock; items `i1` (Lukketider) and `i2` (Tryghed) want input.
 */
async function circulatedTo(people: readonly Person[], options: { revision: number; items?: 1 | 2 }): Promise<{ forumId: string; agendaId: string }> {
  const { storage } = f.storage;
  const forum = await storage.fora.save(aForum({ name: `Kredsråd ${uniqueId('c')}`, level: 'strategic', escalatesTo: undefined }));
  const items = [
    { id: 'i1', title: 'Lukketider', inputWanted: true },
    { id: 'i2', title: 'Tryghed', inputWanted: true },
  ].slice(0, options.items ?? 2);
  const agenda = await storage.agendas.save(
    Agenda.parse({
      id: uniqueId('agenda'),
      forumId: forum.id,
      meetingStart: '2030-03-12T09:00:00.000Z',
      state: 'published',
      revision: options.revision,
      items,
      circulationEnabled: true,
      circulation: {
        deadline: '2030-03-05T11:00:00.000Z',
        sentAt: '2030-03-01T08:00:00.000Z',
        consultantIds: people.map((p) => p.aadObjectId),
        consultants: people.map((p) => ({ userId: p.aadObjectId, name: p.name, forumId: 'ssp-netvaerk', forumName: 'SSP-netværk' })),
        forumName: forum.name,
        cardsQueuedAt: '2030-03-01T08:00:00.000Z',
      },
    }),
  );
  return { forumId: forum.id, agendaId: agenda.id };
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

describe('concurrent submitters', () => {
  beforeEach(() => f.clock.set('2030-03-01T08:00:00.000Z'));

  test(`given ${CONSULTANTS} consultants submitting at the same moment then every answer is stored once and the progress count is exact`, async () => {
    const { storage } = f.storage;
    const people = Array.from({ length: CONSULTANTS }, (_, i) => aPerson(`Konsulent ${i}`));
    const ref = await circulatedTo(people, { revision: 4 });

    const serviceUrl = f.emulator.serviceUrl;
    const started = Date.now();
    const results = await Promise.all(
      people.map(async (person, i) => {
        const t0 = performance.now();
        const data = { ...ref, revision: 4, 'input.i1': `Svar ${i} om lukketider`, 'input.i2': i % 2 === 0 ? `Svar ${i} om tryghed` : '', noComments: 'false' };
        const { status, body } = await f.post(cardAction(serviceUrl, aPersonalChat(), person, 'agenda.input.submit', data));
        return { status, card: (body as { value: Card }).value, ms: performance.now() - t0 };
      }),
    );
    const elapsed = Date.now() - started;
    expect(results.map((r) => r.status).every((s) => s === 200)).toBe(true);
    expect(results.filter((r) => cardTexts(r.card)[0] === 'Dit input er gemt.')).toHaveLength(CONSULTANTS);

    const rows = await storage.agendaInputs.listByAgenda(ref.agendaId);
    expect(rows).toHaveLength(CONSULTANTS + CONSULTANTS / 2);
    expect(new Set(rows.map((r) => r.authorId)).size).toBe(CONSULTANTS);
    for (const [i, person] of people.entries()) {
      expect(rows.find((r) => r.authorId === person.aadObjectId && r.itemId === 'i1')?.text).toBe(`Svar ${i} om lukketider`);
    }
    // The chair's progress card counts exactly.
    const chair = aPerson('Formand');
    await storage.members.save(ref.forumId, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
    const status = await click(f, aPersonalChat(), chair, 'agenda.circulation.view', ref);
    expect(cardTexts(status)).toContain(`${CONSULTANTS} af ${CONSULTANTS} har svaret`);

    const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
    console.info(`agenda submit, ${CONSULTANTS} concurrent: p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, all in ${elapsed} ms`);
  }, 120_000);

  test('given a consultant\'s submit then it costs at most 3 storage round trips (agenda read, own rows read, one transaction)', async () => {
    const people = [aPerson('Konsulent A'), aPerson('Konsulent B')];
    const ref = await circulatedTo(people, { revision: 1, items: 1 });
    const data = { ...ref, revision: 1, 'input.i1': 'Svar', noComments: 'false' };
    await click(f, aPersonalChat(), people[0]!, 'agenda.input.submit', data); // tables exist, clients are warm
    // B's card is shown (its refresh) before B submits, in B's one chat with the bot: the bot core
    // records a person and their chat on their first turn.
    const chatOfB = aPersonalChat();
    await click(f, chatOfB, people[1]!, 'agenda.input.view', ref);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(f.storage.connectionString)?.[1]);
    const counter = countStorageRequests(port);
    try {
      const saved = await click(f, chatOfB, people[1]!, 'agenda.input.submit', data);
      expect(cardTexts(saved)[0]).toBe('Dit input er gemt.');
      console.info(`agenda submit: ${counter.count()} storage round trips`);
      expect(counter.count()).toBeLessThanOrEqual(3);
    } finally {
      counter.close();
    }
  });

  test('given one consultant submitting two different answers at once then exactly one whole answer is stored', async () => {
    const person = aPerson('Konsulent Dobbelt');
    const ref = await circulatedTo([person], { revision: 1 });
    const a = { ...ref, revision: 1, 'input.i1': 'A1', 'input.i2': 'A2', noComments: 'false' };
    const b = { ...ref, revision: 1, 'input.i1': '', 'input.i2': '', noComments: 'true' };
    await Promise.all([click(f, aPersonalChat(), person, 'agenda.input.submit', a), click(f, aPersonalChat(), person, 'agenda.input.submit', b)]);
    const rows = await f.storage.storage.agendaInputs.listByAuthor(ref.agendaId, person.aadObjectId);
    const shape = rows.map((r) => (r.noComments ? 'none' : r.text)).sort();
    expect([['A1', 'A2'], ['none']]).toContainEqual(shape);
  });
});
