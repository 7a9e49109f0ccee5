import { beforeAll, describe, expect, test } from 'vitest';
import { localDateOf } from '../../../domain/actions/local-date';
import { aMeetingSeries } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts } from '../support/card-reading';
import { clickCard } from '../support/card-clicks';
import { buildMatrixWorld, type MatrixWorld } from './matrix-world';

/**
 * The paths by which a sensitive forum's content used to leave it: each was a handler that forgot a
 * check, and each is a test here.
 */
const running = useRunningBot();
let world: MatrixWorld;
const personal = (id: string) => ({ kind: 'personal' as const, conversationId: `a:${id}` });

beforeAll(async () => {
  world = await buildMatrixWorld(running);
  // The forum above meets weekly, so a case can be put on its next agenda.
  const firstDate = localDateOf(new Date(Date.now() + 2 * 86_400_000), 'Europe/Copenhagen');
  await running.storage.storage.meetingSeries.save(aMeetingSeries(world.above.id, { firstDate, rrule: 'FREQ=WEEKLY;COUNT=10', startTime: '09:00' }));
});

describe('the seal of a sensitive forum on every path', () => {
  test('given an action item of the sensitive forum lifted up the chain, then the forum above sees the case but not its note, nor on its agenda', async () => {
    const s = world.sensitive;
    const note = `SEGL-løftet-${s.forum.id}`;
    const lifted = await clickCard(running, personal(s.people.chair.aadObjectId), s.people.chair, 'actions.item.escalate', { forumId: s.forum.id, itemId: s.actionItemId, escalationNote: note });
    expect(JSON.stringify(lifted)).not.toContain('Det kan du ikke');
    const escalation = (await running.storage.storage.escalations.listByOriginForum(s.forum.id)).find((e) => e.actionItemId === s.actionItemId);
    expect(escalation?.sensitive).toBe(true);

    const manager = s.people.managerAbove;
    const seen = await clickCard(running, personal(manager.aadObjectId), manager, 'escalation.view', { escalationId: escalation!.id });
    expect(cardTexts(seen)).toContain(escalation!.title);
    expect(JSON.stringify(seen)).not.toContain(note);
    expect(JSON.stringify(seen)).not.toContain(s.people.chair.name);

    await clickCard(running, personal(manager.aadObjectId), manager, 'escalation.act', { escalationId: escalation!.id, action: 'acknowledge', step: escalation!.stepCount });
    await clickCard(running, personal(manager.aadObjectId), manager, 'escalation.act', { escalationId: escalation!.id, action: 'put_on_agenda', step: escalation!.stepCount + 1 });
    const agendas = await running.storage.storage.agendas.listByForum(world.above.id);
    expect(agendas.flatMap((a) => a.items).some((i) => i.title.includes(escalation!.title))).toBe(true);
    expect(JSON.stringify(agendas)).not.toContain(note);

    // Inside the seal it is all there.
    const inside = await clickCard(running, personal(s.people.member.aadObjectId), s.people.member, 'escalation.view', { escalationId: escalation!.id });
    expect(JSON.stringify(inside)).toContain(note);
  });

  test('given someone outside the sensitive forum asking for its agenda input card, then the one refusal, not "not circulated yet"', async () => {
    const s = world.sensitive;
    const card = await clickCard(running, personal(s.people.outsider.aadObjectId), s.people.outsider, 'agenda.input.view', { forumId: s.forum.id, agendaId: s.agendaId });
    expect(cardTexts(card)).toContain('Det kan du ikke åbne. Enten findes det ikke, eller også er det kun for forummets medlemmer.');
  });

  test('given a sensitive case and an ordinary one an outsider may not open, and an id that does not exist, then all three refusals read the same', async () => {
    const outsider = world.ordinary.people.outsider;
    const texts = await Promise.all(
      [world.sensitive.escalationId, world.ordinary.escalationId, 'findes-ikke'].map(async (escalationId) => cardTexts(await clickCard(running, personal(outsider.aadObjectId), outsider, 'escalation.view', { escalationId }))),
    );
    expect(texts[0]).toEqual(texts[1]);
    expect(texts[1]).toEqual(texts[2]);
  });

  test('given the forum above circulating its agenda to the consultants below, then a consultant found through the sensitive forum is not labelled with it', async () => {
    const { above, sensitive } = world;
    const chair = world.ordinary.people.chair;
    await running.storage.storage.members.save(above.id, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
    const meetingStart = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const agenda = await running.storage.storage.agendas.save({ id: `over-${above.id}`, forumId: above.id, meetingStart, state: 'published', revision: 1, items: [{ id: 'p1', title: 'Kriminalitetsbilledet', description: '', inputWanted: true }], circulationEnabled: true });
    const deadline = new Date(Date.now() + 4 * 86_400_000);
    const date = localDateOf(deadline, 'Europe/Copenhagen');
    await clickCard(running, personal(chair.aadObjectId), chair, 'agenda.circulate', { forumId: above.id, agendaId: agenda.id, revision: 1, deadlineDate: date, deadlineTime: '12:00', consultantForumIds: `${sensitive.forum.id},${world.ordinary.forum.id}` });
    const circulated = await running.storage.storage.agendas.findById(above.id, agenda.id);
    const label = circulated?.circulation?.consultants?.find((c) => c.userId === sensitive.people.consultant.aadObjectId);
    expect(label).toMatchObject({ forumId: above.id, forumName: above.name });
    expect(JSON.stringify(circulated?.circulation)).not.toContain(sensitive.forum.name);
  });
});
