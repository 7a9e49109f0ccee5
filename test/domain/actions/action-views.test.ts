import { describe, expect, it } from 'vitest';
import { groupOpenItemsByOwner } from '../../../domain/actions/action-views';
import { anActionItem } from '../support/mothers';

const owner = (userId: string) => ({ kind: 'member' as const, userId, displayName: userId });

describe('groupOpenItemsByOwner', () => {
  it('given owners with and without overdue items then the overdue owners come first and items are overdue first, then by due date', () => {
    const items = [
      anActionItem({ id: '1', owner: owner('Anna'), dueDate: '2026-03-01' }),
      anActionItem({ id: '2', owner: owner('Bo'), dueDate: '2026-03-20' }),
      anActionItem({ id: '3', owner: owner('Bo'), dueDate: '2026-03-02' }),
      anActionItem({ id: '4', owner: owner('Bo'), dueDate: '2026-03-10' }),
      anActionItem({ id: '5', owner: owner('Anna'), dueDate: '2026-02-01', status: 'done' }),
      anActionItem({ id: '6', owner: { kind: 'external', displayName: 'Cecilie', email: 'c@x.example' }, dueDate: '2026-02-20' }),
    ];
    const groups = groupOpenItemsByOwner(items, '2026-03-05');
    expect(groups.map((g) => [g.owner.displayName, g.overdue, g.items.map((i) => i.id)])).toEqual([
      ['Cecilie', 1, ['6']],
      ['Anna', 1, ['1']],
      ['Bo', 1, ['3', '4', '2']],
    ]);
  });

  it('given only closed items then no groups', () => {
    expect(groupOpenItemsByOwner([anActionItem({ status: 'cancelled' })], '2026-03-05')).toEqual([]);
  });
});
