/**
 * The sensitive-forum rule, automatic escalation with two bot instances, and "put on the agenda",
 * through the real bot (HTTP + Azurite); proactive messages are read from the outbox as queued.
 */
import { describe, expect, test } from 'vitest';
import { useRunningBot, useSecondInstance } from '../support/bot-harness';
import { ESCALATION_VERBS } from '../../../cards/escalation.card';
import type { Escalation } from '../../../domain/escalations/escalation';
import { newEscalation } from '../../../domain/escalations/escalation-raise';
import { escalationsFeature } from '../../../bot/escalations/escalations.feature';
import { aMeeting } from '../../storage/storage.mothers';
import { aChain, cardTexts, click, isErrorCard, personalChatOf, type Chain } from './escalations.support';
import { aPerson } from '../support/teams-activities';

const running = useRunningBot();
const second = useSecondInstance(running);

const outboxOf = (escalation: Pick<Escalation, 'id'>) => running.storage.storage.outbox.listBySubject('escalation', escalation.id);
const cardOf = (message: { activity: { attachments?: { content: unknown }[] | undefined } }): string[] => cardTexts(message.activity.attachments?.[0]?.content);

async function raise(chain: Chain, description = 'Signaler om radikalisering i et boligområde'): Promise<Escalation> {
  const card = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, {
    title: 'Bekymrende tendens i boligområde',
    description,
    category: 'trend',
    urgency: 'high',
    originForumId: chain.origin.forum.id,
  });
  expect(isErrorCard(card)).toBe(false);
  return (await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id))[0]!;
}

describe('sensitive fora (Infohus)', () => {
  test('given a case from Infohus then Lokalråd sees that it exists and its title, not the description, until a member of Infohus shares it', async () => {
    const chain = await aChain(running, { sensitive: true });
    const escalation = await raise(chain);
    const manager = chain.managers[0]!;

    // What went out: the managers' personal cards and Lokalråd's channel carry the title only.
    const queued = await outboxOf(escalation);
    expect(queued.length).toBe(3);
    for (const message of queued) {
      expect(cardOf(message)).toContain('Bekymrende tendens i boligområde');
      expect(cardOf(message).join('\n')).not.toContain('radikalisering');
      expect(cardOf(message)).toContain('Beskrivelsen er kun synlig for medlemmer af det lukkede forum, sagen kommer fra.');
    }
    // A member of Infohus reads it; someone outside every forum of the path cannot open the case at all.
    expect(cardTexts(await click(running, personalChatOf(chain, chain.originMember), chain.originMember, ESCALATION_VERBS.view, { escalationId: escalation.id }))).toContain(
      'Signaler om radikalisering i et boligområde',
    );
    const outsider = await click(running, { kind: 'personal', conversationId: 'a:outsider' }, aPerson('Udenforstående Ulla'), ESCALATION_VERBS.view, { escalationId: escalation.id });
    expect(isErrorCard(outsider)).toBe(true);
    expect(cardTexts(outsider)).toContain('Det kan du ikke åbne. Enten findes det ikke, eller også er det kun for forummets medlemmer.');

    // The manager above may not share it; a member of Infohus may.
    const notAllowed = await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.share, { escalationId: escalation.id, step: 1 });
    expect(isErrorCard(notAllowed)).toBe(true);
    const shared = await click(running, personalChatOf(chain, chain.originMember), chain.originMember, ESCALATION_VERBS.share, { escalationId: escalation.id, step: 1 });
    expect(cardTexts(shared)[0]).toBe('Beskrivelsen er delt med forummet ovenover.');
    expect(cardTexts(await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.view, { escalationId: escalation.id }))).toContain(
      'Signaler om radikalisering i et boligområde',
    );
  });
});

describe('deadlines', () => {
  test('given a high-urgency case not acknowledged for 24 hours and two bot instances running the deadline job at once then it is escalated once, with one message per manager above', async () => {
    const chain = await aChain(running);
    const { storage } = running.storage;
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    const raiser = { userId: chain.raiser.aadObjectId, displayName: chain.raiser.name };
    const membership = await storage.members.find(chain.origin.forum.id, raiser.userId);
    const draft = newEscalation({ title: 'Hærværk på skolerne i weekenden', urgency: 'high', originForumId: chain.origin.forum.id, raisedBy: raiser }, chain.origin.forum, membership, `late-${Date.now()}`, dayAgo);
    const late = await storage.escalations.create(draft.escalation, draft.firstStep);

    const jobs = [running.bot.app, second.bot.app].map((app) => escalationsFeature.jobs!(app.services).find((j) => j.name === 'escalations.deadlines')!);
    const now = new Date();
    await Promise.all(jobs.map((job) => job.run(now)));
    await Promise.all(jobs.map((job) => job.run(now)));

    const after = await storage.escalations.findById(late.id);
    expect(after).toMatchObject({ state: 'raised', currentForumId: chain.top.forum.id, stepCount: 2 });
    const history = await storage.escalations.history(late.id);
    expect(history.map((s) => s.action)).toEqual(['raise', 'auto_escalate']);
    expect(history[1]).not.toHaveProperty('actor');

    const toTop = (await outboxOf(late)).filter((m) => m.recipient.kind === 'user' && m.recipient.userId === chain.topManager.aadObjectId);
    expect(toTop).toHaveLength(1);
    expect(cardOf(toTop[0]!).some((line) => line.includes('automatisk eskaleret til'))).toBe(true);
  });

  test('given a case past its reminder time and two instances then the holding managers are reminded exactly once and the case stays', async () => {
    const chain = await aChain(running);
    const { storage } = running.storage;
    const fiveHoursAgo = new Date(Date.now() - 5 * 3_600_000);
    const raiser = { userId: chain.raiser.aadObjectId, displayName: chain.raiser.name };
    const draft = newEscalation({ title: 'Knallertkørsel på stierne', urgency: 'high', originForumId: chain.origin.forum.id, raisedBy: raiser }, chain.origin.forum, await storage.members.find(chain.origin.forum.id, raiser.userId), `remind-${Date.now()}`, fiveHoursAgo);
    const created = await storage.escalations.create(draft.escalation, draft.firstStep);
    const jobs = [running.bot.app, second.bot.app].map((app) => escalationsFeature.jobs!(app.services)[0]!);
    await Promise.all(jobs.map((job) => job.run(new Date())));
    await Promise.all(jobs.map((job) => job.run(new Date())));

    const reminders = (await outboxOf(created)).filter((m) => m.id.includes(':remind1:'));
    expect(reminders.map((m) => (m.recipient.kind === 'user' ? m.recipient.userId : '')).sort()).toEqual(chain.managers.map((m) => m.aadObjectId).sort());
    expect(await storage.escalations.findById(created.id)).toMatchObject({ currentForumId: chain.middle!.forum.id, reminderCount: 1, updatedAt: fiveHoursAgo.toISOString() });
  });
});

describe('the forum\'s next agenda', () => {
  test('given a forum with no meeting then "Sæt på dagsorden" is refused with a clear message, and with a meeting a draft agenda gets the case as an item', async () => {
    const chain = await aChain(running);
    const escalation = await raise(chain, 'Flere anmeldelser af tyveri');
    const manager = chain.managers[0]!;
    await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.act, { escalationId: escalation.id, action: 'acknowledge', step: 1 });

    const none = await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.act, { escalationId: escalation.id, action: 'put_on_agenda', step: 2 });
    expect(isErrorCard(none)).toBe(false);
    expect(cardTexts(none)).toContain(`${chain.middle!.forum.name} har intet kommende møde at sætte sagen på. Planlæg et møde først.`);

    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    await running.storage.storage.meetings.save(aMeeting(chain.middle!.forum.id, { start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() }));
    const put = await click(running, personalChatOf(chain, manager), manager, ESCALATION_VERBS.act, { escalationId: escalation.id, action: 'put_on_agenda', step: 2 });
    expect(cardTexts(put)[0]).toMatch(/^Gemt\. Sagen står nu som: På dagsordenen\. Sat på dagsordenen for mødet /);
    const [agenda] = await running.storage.storage.agendas.listByForum(chain.middle!.forum.id);
    expect(agenda).toMatchObject({ state: 'draft', meetingStart: start.toISOString(), items: [expect.objectContaining({ id: `esc-${escalation.id}`, title: 'Eskaleret sag: Bekymrende tendens i boligområde' })] });
  });
});
