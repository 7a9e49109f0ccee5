import { describe, expect, it } from 'vitest';
import { buildActionItems, MAX_ITEMS_PER_RECORDING, type NewActionItem, type RecordContext } from '../../../domain/actions/new-action-items';
import { aMember } from '../support/mothers';

let seq = 0;
const ctx = (over: Partial<RecordContext> = {}): RecordContext => ({
  forumId: 'koordinationsgruppen',
  members: [aMember('chair', 'chair'), aMember('jonas', 'member')],
  actorId: 'chair',
  actor: aMember('chair', 'chair'),
  todayLocal: '2026-03-05',
  now: new Date('2026-03-05T09:00:00.000Z'),
  newId: () => `id-${++seq}`,
  ...over,
});
const memberItem = (over: Partial<NewActionItem> = {}): NewActionItem => ({ title: 'Kontakt boligselskabet', owner: { kind: 'member', userId: 'jonas' }, dueDate: '2026-03-20', ...over });

describe('buildActionItems', () => {
  it('given a member and an outsider as owners then two open items with the member\'s name from the roster', () => {
    const result = buildActionItems(
      [memberItem({ originAgendaItemId: 'i1' }), { title: 'Send tal for hærværk', owner: { kind: 'external', displayName: 'Boligselskabet', email: 'drift@bolig.example' }, dueDate: '2026-03-05' }],
      ctx({ originMeetingId: 'm1' }),
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.items.map((i) => [i.owner.displayName, i.status, i.originAgendaItemId, i.originMeetingId, i.createdBy])).toEqual([
      ['Person jonas', 'open', 'i1', 'm1', 'chair'],
      ['Boligselskabet', 'open', undefined, 'm1', 'chair'],
    ]);
  });

  it('given a consultant records then refused with FORUM.NOT_CHAIR_OR_SECRETARY', () => {
    expect(buildActionItems([memberItem()], ctx({ actorId: 'c', actor: aMember('c', 'consultant') }))).toMatchObject({ ok: false, code: 'FORUM.NOT_CHAIR_OR_SECRETARY' });
  });

  it('given an owner who is not in the forum then refused with ACTION.OWNER_NOT_MEMBER and the row', () => {
    expect(buildActionItems([memberItem(), memberItem({ owner: { kind: 'member', userId: 'stranger' } })], ctx())).toEqual({ ok: false, code: 'ACTION.OWNER_NOT_MEMBER', context: { row: 2 } });
  });

  it('given a due date yesterday then refused with ACTION.DUE_IN_PAST', () => {
    expect(buildActionItems([memberItem({ dueDate: '2026-03-04' })], ctx())).toMatchObject({ ok: false, code: 'ACTION.DUE_IN_PAST' });
  });

  it('given a title with a CPR number then refused with INPUT.CPR_NUMBER', () => {
    expect(buildActionItems([memberItem({ title: 'Samtale med 1203051234' })], ctx())).toMatchObject({ ok: false, code: 'INPUT.CPR_NUMBER' });
  });

  it('given no rows or too many then refused', () => {
    expect(buildActionItems([], ctx())).toMatchObject({ ok: false, code: 'ACTION.NO_ITEMS' });
    expect(buildActionItems(Array.from({ length: MAX_ITEMS_PER_RECORDING + 1 }, () => memberItem()), ctx())).toMatchObject({ ok: false, code: 'ACTION.TOO_MANY' });
  });
});
