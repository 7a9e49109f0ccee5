import { afterAll, describe, expect, test } from 'vitest';
import { countRequestsTo } from '../../../bench/storage-round-trips';
import { createBotApp, type BotApp } from '../../../bot/app';
import { createLogger } from '../../../bot/logger';
import { reminderMessageKey } from '../../../bot/reminders/reminder-keys';
import { shardOf } from '../../../domain/outbox/outbox-shards';
import { createReminderJob, createReminderSweepJob, remindersChanged } from '../../../bot/reminders/reminder.job';
import type { Forum } from '../../../domain/fora/forum';
import type { ReminderSettings } from '../../../domain/reminders/reminder-settings';
import type { Storage } from '../../../storage';
import { testConfig } from '../support/bot-harness';
import { aForum, aMeetingSeries, aMember } from '../../storage/storage.mothers';
import { openTestStorage } from '../../storage/storage-kit';

/**
 * What a minute of the reminder job costs in storage requests, counted on the real HTTP requests
 * to Azurite (not timed): a regression to a read per recipient ("already queued?"), a lookup of
 * the same address twice, or writes one by one shows up here as a count over the budget.
 */
const opened: Storage[] = [];
afterAll(() => Promise.all(opened.map((s) => s.dropAll())));

// Weekly on Tuesdays 09:00 Copenhagen (07:00Z in May); the 12 May meeting's reminders are due on 11 May 07:00Z.
const MEETING = '2026-05-12T07:00:00.000Z';
const DUE = '2026-05-11T07:00:20.000Z';

interface World {
  app: BotApp;
  storage: Storage;
  fora: Forum[];
  port: number;
  setNow(iso: string): void;
}

/** `count` fora of four members (chair, secretary, two members), each reachable in a personal chat. */
async function world(count: number, reminders: ReminderSettings): Promise<World> {
  const kit = openTestStorage();
  opened.push(kit.storage);
  let now = new Date('2026-05-01T12:00:00.000Z');
  const app = createBotApp({ config: testConfig(), logger: createLogger('silent'), storage: kit.storage, clock: { now: () => now } });
  const fora = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const forum = await kit.storage.fora.save(aForum({ name: `Forum ${i}`, reminders }));
      const people = [aMember({ roles: ['chair'] }), aMember({ roles: ['secretary'] }), aMember({ roles: ['member'] }), aMember({ roles: ['member'] })];
      await Promise.all(
        people.map(async (p) => {
          await kit.storage.members.save(forum.id, p);
          await kit.storage.conversations.save({
            conversationId: `a:${p.userId}`,
            kind: 'personal',
            serviceUrl: 'https://smba.trafficmanager.net/emea/',
            tenantId: 'ishoej',
            botId: '28:forumbot',
            userId: p.userId,
            active: true,
            installedAt: now.toISOString(),
          });
        }),
      );
      await kit.storage.meetingSeries.save(aMeetingSeries(forum.id, { firstDate: '2026-04-07', rrule: 'FREQ=WEEKLY', startTime: '09:00', durationMinutes: 60 }));
      return forum;
    }),
  );
  // Every table the job touches exists before anything is counted: creating one is not a minute's cost.
  await Promise.all([kit.storage.outbox.listDue(now, 1), kit.storage.agendas.listByForum('none'), kit.storage.meetings.listByForum('none')]);
  const port = Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(kit.connectionString)?.[1]);
  return { app, storage: kit.storage, fora, port, setNow: (iso) => (now = new Date(iso)) };
}

/** One minute run of the job at `at`: its storage requests, in all and by kind. */
async function minute(w: World, job: ReturnType<typeof createReminderJob>, at: string): Promise<{ requests: number; kinds: Map<string, number> }> {
  w.setNow(at);
  const counter = countRequestsTo(w.port);
  try {
    await job.run(new Date(at));
  } finally {
    counter.close();
  }
  const kinds = new Map(counter.byKind());
  return { requests: counter.count() - (kinds.get('table admin') ?? 0), kinds };
}

const queued = async (storage: Storage): Promise<string[]> => (await storage.outbox.listDue(new Date('2100-01-01'), 10_000)).map((e) => e.id).sort();

const both: ReminderSettings = { agendaDeadlineEnabled: true, agendaDeadlineDaysBefore: 1, memberReminderEnabled: true, memberReminderHoursBefore: 24, followUpEnabled: true, followUpHoursAfter: 1 };

describe('storage requests of the reminder minute', () => {
  test('given 4 fora whose reminders fall due in one minute then it costs their change marks, the addresses, one insert per message and the transactions, no read per forum, and nothing when nothing is due', async () => {
    const w = await world(4, both);
    const job = createReminderJob(w.app.services);
    w.setNow('2026-05-10T12:00:00.000Z');
    await createReminderSweepJob(w.app.services).run(new Date('2026-05-10T12:00:00.000Z'));
    await job.run(new Date('2026-05-10T12:00:00.000Z'));

    const idle = await minute(w, job, '2026-05-10T12:01:00.000Z');
    // The cursor, one index partition, the cursor moved on: whatever the number of fora.
    expect(idle.requests).toBeLessThanOrEqual(3);

    await minute(w, job, '2026-05-11T06:59:00.000Z'); // the minute before (the job runs every minute)
    const due = await minute(w, job, DUE);
    const messages = await queued(w.storage);
    const reminders = w.fora.length * 2; // each forum: the members' reminder (4) and the agenda deadline (chair and secretary)
    expect(messages).toHaveLength(w.fora.length * 6);
    // The fora's rows were read by the sweep and nobody changed them: their change marks (one query
    // per 14 fora) and no other read per forum. Per person their address (index row and address,
    // once though chair and secretary get two reminders); per message its insert; per reminder one
    // transaction of its subject rows; the queue rows one transaction per shard; the index: cursor,
    // due entries (two hours at 07:00), next entries, handled ones, cursor.
    const people = w.fora.length * 4;
    const everyone = (await Promise.all(w.fora.map((f) => w.storage.members.listByForum(f.id)))).flat();
    const shards = new Set(everyone.map((m) => shardOf(`user:${m.userId}`))).size;
    const budget = Math.ceil(w.fora.length / 14) + 2 * people + messages.length + reminders + shards + 6;
    expect(due.requests, JSON.stringify([...due.kinds])).toBeLessThanOrEqual(budget);
    expect(due.requests / messages.length).toBeLessThan(3.5);
    for (const perForum of ['point read fora', 'query fora', 'query meetingseries', 'query meetings', 'query members', 'query agendas']) expect(due.kinds.get(perForum) ?? 0, perForum).toBe(0);
    // Fresh reminders go straight in: no read per recipient to ask whether it is queued.
    expect(due.kinds.get('point read outbox') ?? 0).toBe(0);
    // Each person's address once (index row and address), though chair and secretary get two reminders.
    expect(due.kinds.get('point read conversations')).toBe(2 * 4 * w.fora.length);
  });

  test('given an agenda deadline sent days ago then the later minute does not ask about it again, and a schedule change makes it check (sending nothing twice)', async () => {
    const w = await world(1, { ...both, agendaDeadlineDaysBefore: 3 });
    const job = createReminderJob(w.app.services);
    const forum = w.fora[0]!;
    w.setNow('2026-05-09T06:00:00.000Z');
    await createReminderSweepJob(w.app.services).run(new Date('2026-05-09T06:00:00.000Z'));
    await job.run(new Date('2026-05-09T06:00:00.000Z'));
    await minute(w, job, '2026-05-09T07:00:30.000Z'); // the agenda deadline (3 days before)
    expect(await queued(w.storage)).toHaveLength(2);

    // A new instance (nothing in memory): the index entry vouches that the deadline was handled.
    const fresh = createReminderJob(w.app.services);
    const due = await minute(w, fresh, DUE);
    expect(due.kinds.get('point read outbox') ?? 0).toBe(0);
    expect(await queued(w.storage)).toHaveLength(6);

    // The schedule changed: the index vouches for nothing, so what is due is looked up, not sent again.
    w.setNow('2026-05-11T07:05:00.000Z');
    await remindersChanged(w.app.services, forum.id);
    const checked = await minute(w, createReminderJob(w.app.services), '2026-05-11T07:06:00.000Z');
    expect(checked.kinds.get('point read outbox') ?? 0).toBeGreaterThan(0);
    expect(await queued(w.storage)).toHaveLength(6);
  });

  test('given a minute that died after some of its messages got in then the next run adds only the rest, each once', async () => {
    const w = await world(1, both);
    const job = createReminderJob(w.app.services);
    w.setNow('2026-05-10T12:00:00.000Z');
    await createReminderSweepJob(w.app.services).run(new Date('2026-05-10T12:00:00.000Z'));
    await job.run(new Date('2026-05-10T12:00:00.000Z'));
    // What the run that died had enqueued: one member's reminder, under the key the job uses.
    const member = (await w.storage.members.listByForum(w.fora[0]!.id)).find((m) => m.roles.includes('member'))!;
    const early = await w.app.services.outbox.enqueue({
      idempotencyKey: reminderMessageKey(`reminder:members:${(await w.storage.meetingSeries.listByForum(w.fora[0]!.id))[0]!.id}@${MEETING}`, member.userId),
      recipient: { kind: 'user', userId: member.userId },
      activity: { text: 'Påmindelse' },
    });
    expect(early.created).toBe(true);

    await minute(w, job, DUE);
    const ids = await queued(w.storage);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect(ids).toContain(early.id);
    // The one that got in stays as it was: the job's insert found its key taken.
    expect((await w.storage.outbox.findById(early.id))?.activity.text).toBe('Påmindelse');
  });
});
