import { afterAll, describe, expect, test } from 'vitest';
import { createBotApp, type BotApp } from '../../../bot/app';
import { createLogger } from '../../../bot/logger';
import { createReminderJob, createReminderSweepJob, remindersChanged, sendDueReminders } from '../../../bot/reminders/reminder.job';
import { reminderMessageKey } from '../../../bot/reminders/reminder-keys';
import type { Forum } from '../../../domain/fora/forum';
import type { MeetingSeries } from '../../../domain/meetings/meeting';
import type { OutboxMessage } from '../../../domain/outbox/outbox-message';
import { createStorage, type Storage } from '../../../storage';
import { testConfig } from '../support/bot-harness';
import { aForum, aMeeting, aMeetingSeries, aMember, anAgenda, anAgendaItem } from '../../storage/storage.mothers';
import { openTestStorage } from '../../storage/storage-kit';

// Two bot instances over the same tables, each with its own storage clients, sharing one fixed clock.
const test1 = openTestStorage();
const storage = test1.storage;
let now = new Date('2026-01-01T00:00:00.000Z');
const clock = { now: () => now };
const instance = (s: Storage): BotApp => createBotApp({ config: testConfig(), logger: createLogger('silent'), storage: s, clock });
const apps = [instance(storage), instance(createStorage(test1.connectionString, { tablePrefix: test1.prefix }))];
afterAll(() => storage.dropAll());

// The monthly series of the mothers: second Tuesday 09:00 Copenhagen, 90 minutes; February's is 10 Feb, 08:00Z.
const FEB = '2026-02-10T08:00:00.000Z';

interface Seeded {
  forum: Forum;
  series: MeetingSeries;
  chairs: string[];
  everyone: string[];
  key: string;
}

async function seedForum(): Promise<Seeded> {
  const forum = await storage.fora.save(aForum({ name: `SSP-NU u18 ${Math.random().toString(36).slice(2, 6)}` }));
  const people = [aMember({ roles: ['chair'] }), aMember({ roles: ['secretary', 'member'] }), aMember({ roles: ['member'] }), aMember({ roles: ['consultant'] })];
  for (const p of people) await storage.members.save(forum.id, p);
  const series = await storage.meetingSeries.save(aMeetingSeries(forum.id));
  return { forum, series, chairs: people.slice(0, 2).map((p) => p.userId).sort(), everyone: people.map((p) => p.userId).sort(), key: `${series.id}@${FEB}` };
}

const sentFor = (kind: string, key: string): Promise<OutboxMessage[]> => storage.outbox.listBySubject('reminder', `reminder:${kind}:${key}`);
const recipientsOf = (messages: OutboxMessage[]): string[] => messages.map((m) => (m.recipient.kind === 'user' ? m.recipient.userId : m.recipient.conversationId)).sort();
const cardTexts = (message: OutboxMessage): string[] =>
  ((message.activity.attachments?.[0]?.content as { body: { text?: string }[] }).body ?? []).flatMap((e) => (e.text === undefined ? [] : [e.text]));

/** Both instances' scheduled jobs at once, as their timers would fire. */
const bothSchedulers = () => Promise.all(apps.map((app) => app.scheduler.runAll()));

describe('reminders with two bot instances', () => {
  test('given two instances running the reminder pass concurrently, again and again, then each reminder is in the outbox once per recipient', async () => {
    const s = await seedForum();
    now = new Date('2026-02-09T08:00:30.000Z'); // the members' reminder is due now; the agenda deadline (31 Jan) is overdue
    const runs = await Promise.all(Array.from({ length: 4 }, () => apps.map((app) => sendDueReminders(app.services, now))).flat());
    await bothSchedulers();
    await bothSchedulers();

    const members = await sentFor('members', s.key);
    const agenda = await sentFor('agenda-deadline', s.key);
    expect(recipientsOf(members)).toEqual(s.everyone);
    expect(recipientsOf(agenda)).toEqual(s.chairs);
    expect(members.map((m) => m.id).sort()).toEqual(s.everyone.map((u) => reminderMessageKey(`reminder:members:${s.key}`, u)).sort());
    // Exactly one of the eight concurrent passes created each message; the others found it there.
    expect(runs.reduce((sum, r) => sum + r.created, 0)).toBe(s.everyone.length + s.chairs.length);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    // The members' reminder went out on time; the agenda reminder says when it was due.
    expect(cardTexts(members[0]!).some((t) => t.startsWith('Denne påmindelse skulle'))).toBe(false);
    expect(cardTexts(agenda[0]!)).toContain('Denne påmindelse skulle være sendt lørdag 31. januar 2026 kl. 09.00, men kommer først nu.');
    expect(members[0]!.activity.summary).toBe(`Påmindelse: ${s.forum.name} tirsdag 10. februar 2026 kl. 09.00`);
  });

  test('given the bot was down past the members\' reminder, before the meeting, then it is sent once on restart with its original time', async () => {
    const s = await seedForum();
    now = new Date('2026-02-08T12:00:00.000Z');
    await bothSchedulers();
    expect(await sentFor('members', s.key)).toEqual([]);

    // Down from Sunday noon to Tuesday 08:00 local: the reminder (Monday 09:00) was missed.
    now = new Date('2026-02-10T07:00:00.000Z');
    const restarted = [instance(storage), instance(createStorage(test1.connectionString, { tablePrefix: test1.prefix }))];
    await Promise.all(restarted.map((app) => app.scheduler.runAll()));
    await Promise.all(restarted.map((app) => app.scheduler.runAll()));

    const members = await sentFor('members', s.key);
    expect(recipientsOf(members)).toEqual(s.everyone);
    for (const message of members) {
      expect(cardTexts(message)).toContain('Denne påmindelse skulle være sendt mandag 9. februar 2026 kl. 09.00, men kommer først nu.');
      expect(message.status).toBe('pending');
    }
  });

  test('given the bot was down until the meeting had ended then only the chair\'s note to record action items is sent', async () => {
    const s = await seedForum();
    now = new Date('2026-02-10T12:00:00.000Z'); // the meeting ended 09:30Z; the note was due 10:30Z
    await bothSchedulers();
    expect(await sentFor('members', s.key)).toEqual([]);
    expect(await sentFor('agenda-deadline', s.key)).toEqual([]);
    const notes = await sentFor('follow-up', s.key);
    expect(recipientsOf(notes)).toEqual(s.chairs);
    expect(cardTexts(notes[0]!)).toContain('Denne påmindelse skulle være sendt tirsdag 10. februar 2026 kl. 11.30, men kommer først nu.');
  });

  test('given the bot was down from before the reminders until days after the meeting then nothing about it is sent', async () => {
    const s = await seedForum();
    now = new Date('2026-02-13T12:00:00.000Z');
    await bothSchedulers();
    for (const kind of ['agenda-deadline', 'members', 'follow-up']) expect(await sentFor(kind, s.key)).toEqual([]);
  });

  test('given a published agenda for the occurrence then members get its items and the chair no agenda deadline reminder', async () => {
    const s = await seedForum();
    await storage.agendas.save(
      anAgenda(s.forum.id, { meetingId: s.key, meetingStart: FEB, state: 'published', items: [anAgendaItem({ title: 'Godkendelse af dagsorden' }), anAgendaItem({ title: 'Uro ved stationen' })] }),
    );
    now = new Date('2026-02-09T08:01:00.000Z');
    await bothSchedulers();
    expect(await sentFor('agenda-deadline', s.key)).toEqual([]);
    const members = await sentFor('members', s.key);
    expect(members).toHaveLength(s.everyone.length);
    expect(cardTexts(members[0]!)).toEqual(expect.arrayContaining(['Dagsorden', '1. Godkendelse af dagsorden', '2. Uro ved stationen']));
  });

  test('given a cancelled occurrence and a moved one then the cancelled gets nothing and the moved one is reminded at its new time under its old key', async () => {
    const s = await seedForum();
    const march = '2026-03-10T08:00:00.000Z';
    await storage.meetings.save(aMeeting(s.forum.id, { seriesId: s.series.id, originalStart: FEB, start: FEB, end: '2026-02-10T09:30:00.000Z', status: 'cancelled' }));
    // March's meeting moved two days later, to Thursday 12 March 13:00 local.
    await storage.meetings.save(
      aMeeting(s.forum.id, { seriesId: s.series.id, originalStart: march, start: '2026-03-12T12:00:00.000Z', end: '2026-03-12T13:00:00.000Z', status: 'moved' }),
    );
    now = new Date('2026-02-10T12:00:00.000Z');
    await bothSchedulers();
    for (const kind of ['agenda-deadline', 'members', 'follow-up']) expect(await sentFor(kind, s.key)).toEqual([]);

    const marchKey = `${s.series.id}@${march}`;
    now = new Date('2026-03-10T09:00:00.000Z'); // when the unmoved meeting would have been
    await bothSchedulers();
    expect(await sentFor('members', marchKey)).toEqual([]);
    now = new Date('2026-03-11T12:00:00.000Z');
    await bothSchedulers();
    const members = await sentFor('members', marchKey);
    expect(recipientsOf(members)).toEqual(s.everyone);
    expect(members[0]!.activity.summary).toBe(`Påmindelse: ${s.forum.name} torsdag 12. marts 2026 kl. 13.00`);
  });

  test('given a forum whose chair changed the lead time then the reminder follows the forum\'s setting', async () => {
    const s = await seedForum();
    await storage.fora.update(s.forum.id, (f) => ({ ...f, reminders: { agendaDeadlineEnabled: false, agendaDeadlineDaysBefore: 10, memberReminderEnabled: true, memberReminderHoursBefore: 2, followUpEnabled: true, followUpHoursAfter: 1 } }));
    now = new Date('2026-02-09T08:00:30.000Z');
    await bothSchedulers();
    expect(await sentFor('members', s.key)).toEqual([]);
    now = new Date('2026-02-10T06:00:30.000Z');
    await bothSchedulers();
    expect(await sentFor('members', s.key)).toHaveLength(s.everyone.length);
    expect(await sentFor('agenda-deadline', s.key)).toEqual([]);
  });

  test('given the rows of a forum kept since the sweep when a member leaves, another joins and the agenda is published then the due minute uses what is stored now', async () => {
    const s = await seedForum();
    const services = apps[0]!.services;
    now = new Date('2026-02-09T07:58:00.000Z');
    await createReminderSweepJob(services).run(now); // reads (and keeps) the forum as it is now
    await services.reminderIndex.setCursor(now);
    const job = createReminderJob(services);
    await job.run(new Date('2026-02-09T07:59:00.000Z'));

    // Changes on the other instance, after the sweep: this process learns of them by the change mark only.
    const other = apps[1]!.services;
    const leaving = s.everyone.find((u) => !s.chairs.includes(u))!;
    const joining = aMember({ roles: ['member'] });
    await other.members.remove(s.forum.id, leaving);
    await other.members.save(s.forum.id, joining);
    await other.agendas.save(anAgenda(s.forum.id, { meetingId: s.key, meetingStart: FEB, state: 'published', items: [anAgendaItem({ title: 'Tryghedsvandring i Vejleåparken' })] }));

    now = new Date('2026-02-09T08:00:10.000Z');
    await job.run(now);
    const members = await sentFor('members', s.key);
    expect(recipientsOf(members)).toEqual([...s.everyone.filter((u) => u !== leaving), joining.userId].sort());
    expect(cardTexts(members[0]!).join('\n')).toContain('Tryghedsvandring i Vejleåparken');
  });

  test('given the index then the minute job reads no forum while nothing is due, and only the forum whose reminder falls due, on time', async () => {
    const s = await seedForum();
    const reads: string[] = [];
    const services = apps[0]!.services;
    const counted = {
      ...services,
      fora: { ...services.fora, list: () => (reads.push('list'), services.fora.list()), findById: (id: string) => (reads.push(`forum:${id}`), services.fora.findById(id)), findMany: (ids: readonly string[]) => (reads.push(...ids.map((id) => `forum:${id}`)), services.fora.findMany(ids)) },
    };
    now = new Date('2026-02-09T07:58:00.000Z');
    await createReminderSweepJob(counted).run(now); // the sweep indexes the members' reminder of 08:00Z
    reads.length = 0;
    // The minute job last ran now (earlier tests of this file left the shared cursor on later days).
    await services.reminderIndex.setCursor(now);
    const job = createReminderJob(counted);
    now = new Date('2026-02-09T07:59:00.000Z');
    await job.run(now);
    expect(reads).toEqual([]);
    now = new Date('2026-02-09T08:00:10.000Z');
    const named = new Set((await services.reminderIndex.listDue(new Date('2026-02-09T07:59:00.000Z'), now)).map((e) => `forum:${e.forumId}`));
    expect(named).toContain(`forum:${s.forum.id}`);
    await job.run(now);
    // At most the fora whose entry falls due (what the sweep read and nobody changed since is kept), never the list of all fora.
    expect(reads.filter((r) => !named.has(r))).toEqual([]);
    const members = await sentFor('members', s.key);
    expect(recipientsOf(members)).toEqual(s.everyone);
    expect(cardTexts(members[0]!).some((t) => t.startsWith('Denne påmindelse skulle'))).toBe(false);
    // The forum's next reminder is in the index; the handled entry is gone.
    const ahead = await services.reminderIndex.listDue(now, new Date(now.getTime() + 30 * 86_400_000));
    expect(ahead.filter((e) => e.forumId === s.forum.id)).toHaveLength(1);
    expect(Date.parse(ahead.find((e) => e.forumId === s.forum.id)!.dueAt)).toBeGreaterThan(now.getTime());
  });

  test('given a change to a forum\'s lead times then the index has the forum at once, and the sweep repairs a lost entry', async () => {
    const s = await seedForum();
    const services = apps[0]!.services;
    now = new Date('2026-02-09T09:00:00.000Z');
    await remindersChanged(services, s.forum.id);
    expect((await services.reminderIndex.listDue(now, now)).map((e) => e.forumId)).toContain(s.forum.id);
    // An entry lost (deleted by hand): the sweep writes the forum's next one again.
    const all = await services.reminderIndex.listDue(new Date(now.getTime() - 86_400_000), new Date(now.getTime() + 30 * 86_400_000));
    await services.reminderIndex.remove(all.filter((e) => e.forumId === s.forum.id));
    await createReminderSweepJob(services).run(now);
    const again = await services.reminderIndex.listDue(now, new Date(now.getTime() + 30 * 86_400_000));
    expect(again.some((e) => e.forumId === s.forum.id)).toBe(true);
  });
});
