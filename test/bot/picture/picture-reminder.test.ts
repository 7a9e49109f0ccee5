/**
 * The half-yearly reminder to the analyst: two bot instances on one store, each with its scheduler
 * ticking the job hourly with a moved clock. In January (Copenhagen) the analyst gets one reminder
 * for the second half of the year before, none in December or later in January, the next one in
 * July; none once the report is published. The reminder's button opens the commentary card.
 */
import { describe, expect, test } from 'vitest';
import { PICTURE_COMMENTARY_VERBS } from '../../../cards/picture-commentary.card';
import { createLogger } from '../../../bot/logger';
import { pictureReminderJob, sendPictureReminders } from '../../../bot/picture/picture-reminder.job';
import { createScheduler } from '../../../bot/scheduler';
import { published, withCommentary } from '../../../domain/picture/report-draft';
import { aMember } from '../../storage/storage.mothers';
import { LogCapture, useRunningBot, useSecondInstance } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { reachablePerson } from '../support/emulated-teams';
import { aPerson, type Person } from '../support/teams-activities';
import { aChain, buttonTitles, click, type Chain } from '../escalations/escalations.support';

const running = useRunningBot();
const second = useSecondInstance(running);

const HOUR_MS = 3_600_000;
let now = Date.parse('2026-12-31T20:00:00.000Z');
const clock = { now: () => new Date(now) };
const reminders = async (from: string) => (await running.bot.app.services.outbox.listBySubject('picture-reminder', from)).map((m) => m.recipientKey).sort();

describe('the half-yearly reminder to the analyst', () => {
  let chain: Chain;
  let analyst: Person;
  let personal: string;

  test('given two instances ticking hourly across New Year then the analyst gets one reminder for the second half of 2026', async () => {
    chain = await aChain(running);
    analyst = aPerson('Analytiker Anna');
    await running.storage.storage.members.save(chain.middle!.forum.id, aMember({ userId: analyst.aadObjectId, displayName: analyst.name, roles: ['chair'] }));
    personal = (await reachablePerson(running, analyst)).personalConversationId;
    const schedulers = [running.bot, second.bot].map((bot, i) =>
      createScheduler([pictureReminderJob(bot.app.services)], { clock, logger: createLogger('silent', new LogCapture()), leases: running.storage.storage.jobLeases, instanceId: `picture-${i}` }),
    );
    // 31 December, 21:00 in Copenhagen: nothing yet.
    await Promise.all(schedulers.map((s) => s.runAll()));
    expect(await reminders('2026-07')).toEqual([]);
    // Midnight in Copenhagen (23:00 UTC) and the hours after, on both instances at once.
    now = Date.parse('2026-12-31T22:30:00.000Z');
    for (let hour = 0; hour < 4; hour++) {
      await Promise.all(schedulers.map((s) => s.runAll()));
      now += HOUR_MS;
    }
    expect(await reminders('2026-07')).toEqual([`user:${analyst.aadObjectId}`]);
    expect((await running.storage.storage.jobLeases.find('picture.half-yearly-reminder'))?.holder).toMatch(/^picture-[01]$/);
    // Later in January, both instances without the lease at the same moment: still one.
    expect(await Promise.all([running.bot, second.bot].map((bot) => sendPictureReminders(bot.app.services, new Date('2027-01-20T10:00:00.000Z'))))).toEqual([0, 0]);
    expect(await reminders('2026-07')).toEqual([`user:${analyst.aadObjectId}`]);
    // February to June: nothing.
    expect(await sendPictureReminders(running.bot.app.services, new Date('2027-03-02T10:00:00.000Z'))).toBe(0);

    const message = (await running.bot.app.services.outbox.listBySubject('picture-reminder', '2026-07'))[0]!;
    const json = JSON.stringify(message.activity);
    expect(json).toContain('Halvårsbilledet for 2. halvår 2026 er klar til din kommentar');
  });

  test('given the reminder\'s button clicked then the commentary card for that half-year opens', async () => {
    const message = (await running.bot.app.services.outbox.listBySubject('picture-reminder', '2026-07'))[0]!;
    const card = (message.activity as { attachments: { content: { actions: { title: string; verb: string; data: unknown }[] } }[] }).attachments[0]!.content;
    const button = card.actions.find((a) => a.title === 'Skriv kommentarer')!;
    expect(button).toMatchObject({ verb: PICTURE_COMMENTARY_VERBS.open, data: { from: '2026-07', to: '2026-12' } });
    const opened = await click(running, { kind: 'personal', conversationId: personal }, analyst, button.verb, button.data);
    expect(cardTexts(opened)[0]).toBe('Halvårsbilledet for 2. halvår 2026 (jul. 2026 – dec. 2026): kommentarer');
    expect(buttonTitles(opened)).toEqual(['Gem kladde', 'Offentliggør til Lokalrådet']);
  });

  test('given July then the first half\'s reminder goes out, but not once that report is published', async () => {
    expect(await sendPictureReminders(second.bot.app.services, new Date('2027-07-01T06:00:00.000Z'))).toBe(1);
    expect(await reminders('2027-01')).toEqual([`user:${analyst.aadObjectId}`]);
    // The second half of 2027 is published before January: no reminder for it.
    const reports = running.storage.storage.pictureReports;
    const edit = { userId: analyst.aadObjectId, name: analyst.name, at: '2027-12-31T10:00:00.000Z' };
    await reports.save(published(await reports.save(withCommentary(undefined, chain.top.forum.id, { from: '2027-07', to: '2027-12' }, {}, edit)), edit));
    expect(await sendPictureReminders(running.bot.app.services, new Date('2028-01-02T10:00:00.000Z'))).toBe(0);
    expect(await reminders('2027-07')).toEqual([]);
  });
});
