/**
 * The picture's cells follow the cases as they are raised and acted on over real HTTP (Azurite),
 * and a rebuild from the stored history gives the same cells.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ESCALATION_VERBS } from '../../../cards/escalation.card';
import { rebuildPicture } from '../../../bot/picture/rebuild-picture';
import { zonedInstant } from '../../../domain/meetings/zoned-time';
import { addMonths, monthOf, monthsOf } from '../../../domain/picture/months';
import { aForum, aMember } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { aPerson, aPersonalChat } from '../support/teams-activities';
import { aChain, click, isErrorCard, personalChatOf } from '../escalations/escalations.support';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

describe('the picture kept up to date', () => {
  test('given a case raised in Vejleåparken and acknowledged then its month has one case raised and one acknowledged, and a rebuild gives the same', async () => {
    const chain = await aChain(running, { areas: [{ id: 'vejleaaparken', name: 'Vejleåparken' }] });
    const { storage } = running.storage;
    const raised = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, {
      title: 'Hærværk i opgangene',
      description: '',
      category: 'problem',
      urgency: 'high',
      area: 'vejleaaparken',
      originForumId: chain.origin.forum.id,
    });
    expect(isErrorCard(raised)).toBe(false);
    const [escalation] = await storage.escalations.listByOriginForum(chain.origin.forum.id);
    const manager = chain.managers[0]!;
    await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.act, { escalationId: escalation!.id, action: 'acknowledge', step: 1 });

    const month = monthOf(escalation!.raisedAt);
    const mine = async () => (await storage.picture.listMonths([month])).filter((c) => c.forumId === chain.origin.forum.id);
    const cells = await mine();
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ category: 'problem', area: 'vejleaaparken', counters: { raised: 1, acknowledged: 1, acknowledgedInTime: 1, reachedCoordinating: 1 } });

    const rebuilt = await rebuildPicture(storage);
    expect(rebuilt.cases).toBeGreaterThanOrEqual(1);
    expect(await mine()).toEqual(cells);
  });

  test('given the chair schedules a weekly series, moves one meeting and cancels another from the cards then the months count them held, moved and cancelled', async () => {
    const { storage } = running.storage;
    const chair = aPerson('Formand Birgitte');
    const forum = await storage.fora.save(aForum({ name: `Koordinationsgruppen ${Math.random().toString(36).slice(2, 7)}` }));
    await storage.members.save(forum.id, aMember({ userId: chair.aadObjectId, roles: ['chair'] }));
    const day = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const start = new Date(Date.now() + 7 * 86_400_000);
    while (start.getUTCDay() !== 2) start.setUTCDate(start.getUTCDate() + 1);
    const first = start.toISOString().slice(0, 10);
    const form = { forumId: forum.id, title: 'Koordinationsmøde', firstDate: first, startTime: '09:00', durationMinutes: '90', location: 'Ishøj Rådhus', kind: 'weekly' };
    expect(isErrorCard(await click(running, aPersonalChat(), chair, 'meetings.schedule', form))).toBe(false);
    const [series] = await storage.meetingSeries.listByForum(forum.id);
    const key = (date: string) => `${series!.id}@${zonedInstant(date, '09:00', 'Europe/Copenhagen').toISOString()}`;
    const movedTo = day(first, 8);
    await click(running, aPersonalChat(), chair, 'meetings.move', { forumId: forum.id, occurrence: key(day(first, 7)), slot: 1, moveDate1: movedTo, moveTime1: '13:00' });
    await click(running, aPersonalChat(), chair, 'meetings.cancel', { forumId: forum.id, occurrence: key(day(first, 14)) });
    expect((await storage.meetings.listByForum(forum.id)).map((m) => m.status).sort()).toEqual(['cancelled', 'moved']);

    // The months from the first meeting to the one after the cancelled one, counted on the calendar.
    const months = monthsOf({ from: first.slice(0, 7), to: addMonths(day(first, 14).slice(0, 7), 1) });
    const tuesdays: string[] = [];
    for (let d = first; months.includes(d.slice(0, 7)); d = day(d, 7)) tuesdays.push(d);
    const cells = (await storage.picture.listMonths(months, { forumIds: [forum.id] })).filter((c) => c.category === '');
    const sum = (name: 'meetingsHeld' | 'meetingsMoved' | 'meetingsCancelled') => cells.reduce((n, c) => n + c.counters[name], 0);
    expect({ held: sum('meetingsHeld'), moved: sum('meetingsMoved'), cancelled: sum('meetingsCancelled') }).toEqual({ held: tuesdays.length - 1, moved: 1, cancelled: 1 });
    // The moved meeting counts in the month it was moved to.
    expect(cells.find((c) => c.month === movedTo.slice(0, 7))?.counters.meetingsMoved).toBe(1);
  });
});
