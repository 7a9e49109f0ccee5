/**
 * Issue 6's follow-up: creating the next meeting's agenda puts "Opfølgning på handlinger" on it,
 * listing the forum's open action items (done and cancelled ones are left out).
 */
import { describe, expect, test } from 'vitest';
import { FOLLOW_UP_AGENDA_ITEM_ID } from '../../../domain/actions/follow-up';
import { anActionItem } from '../../storage/storage.mothers';
import { aPersonalChat } from '../support/teams-activities';
import { cardActions, click, seedWorld, useAgendaBot } from './agenda-harness';

const f = useAgendaBot();

describe('dagsorden: follow-up on action items', () => {
  test('given open, done and cancelled action items when the chair creates the next agenda then it starts with the follow-up item listing only the open ones', async () => {
    const world = await seedWorld(f, 1);
    const { actionItems } = f.storage.storage;
    await actionItems.save(anActionItem(world.kreds.id, { title: 'Tal med skolerne om aftenuro', status: 'open' }));
    await actionItems.save(anActionItem(world.kreds.id, { title: 'Plan for sommerferien', status: 'started' }));
    await actionItems.save(anActionItem(world.kreds.id, { title: 'Afsluttet opgave', status: 'done' }));
    await actionItems.save(anActionItem(world.kreds.id, { title: 'Aflyst opgave', status: 'cancelled' }));

    const editor = await click(f, aPersonalChat(), world.chair, 'agenda.create', { forumId: world.kreds.id, meetingDate: '2030-05-14', meetingTime: '09:00' });
    // From the item, the chair opens the card that closes or carries over the open items.
    expect(cardActions(editor).filter((a) => a.verb === 'actions.followup').map((a) => a.data)).toEqual([{ forumId: world.kreds.id }]);
    const followUpCard = await click(f, aPersonalChat(), world.chair, 'actions.followup', { forumId: world.kreds.id });
    expect(JSON.stringify(followUpCard)).toContain('Tal med skolerne om aftenuro');

    const [agenda] = await f.storage.storage.agendas.listByForum(world.kreds.id);
    expect(agenda?.items.map((i) => i.id)).toEqual([FOLLOW_UP_AGENDA_ITEM_ID]);
    const followUp = agenda!.items[0]!;
    expect(followUp.title).toBe('Opfølgning på handlinger');
    expect(followUp.description).toContain('Tal med skolerne om aftenuro');
    expect(followUp.description).toContain('Plan for sommerferien');
    expect(followUp.description).not.toContain('Afsluttet opgave');
    expect(followUp.description).not.toContain('Aflyst opgave');
  });

  test('given no open action items when the chair creates the agenda then it starts empty', async () => {
    const world = await seedWorld(f, 1);
    await click(f, aPersonalChat(), world.chair, 'agenda.create', { forumId: world.kreds.id, meetingDate: '2030-05-14', meetingTime: '09:00' });
    const [agenda] = await f.storage.storage.agendas.listByForum(world.kreds.id);
    expect(agenda?.items).toEqual([]);
  });
});
