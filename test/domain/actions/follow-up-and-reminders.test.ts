import { describe, expect, it } from 'vitest';
import { remindersDue, overdueDigest, digestKey } from '../../../domain/actions/action-reminders';
import { FOLLOW_UP_AGENDA_ITEM_ID, followUpAgendaItem } from '../../../domain/actions/follow-up';
import { addDays, danishDate, isoWeekOf, localDateOf, localHourOf } from '../../../domain/actions/local-date';
import { AgendaItem } from '../../../domain/agendas/agenda';
import { anActionItem } from '../support/mothers';

describe('followUpAgendaItem', () => {
  it('given open and closed items then only the open ones are listed, overdue first and marked, in Danish', () => {
    const item = followUpAgendaItem(
      [
        anActionItem({ id: '1', title: 'Møde med natteravnene', dueDate: '2026-03-20', owner: { kind: 'member', userId: 'u', displayName: 'Jonas Berg' } }),
        anActionItem({ id: '2', title: 'Tal for hærværk', dueDate: '2026-03-01', owner: { kind: 'external', displayName: 'Boligselskabet', email: 'b@x.example' } }),
        anActionItem({ id: '3', title: 'Lukket', status: 'done' }),
      ],
      'da',
      { todayLocal: '2026-03-05' },
    );
    expect(AgendaItem.parse(item)).toEqual(item);
    expect(item.id).toBe(FOLLOW_UP_AGENDA_ITEM_ID);
    expect(item.title).toBe('Opfølgning på handlinger');
    expect(item.description.split('\n')).toEqual(['- Tal for hærværk — Boligselskabet, frist 01.03.2026 (overskredet)', '- Møde med natteravnene — Jonas Berg, frist 20.03.2026']);
  });

  it('given no open items then it says so, in English when asked', () => {
    expect(followUpAgendaItem([], 'en')).toMatchObject({ title: 'Follow-up on action items', description: 'No open action items.' });
  });

  it('given 200 open items then the description fits the agenda item and says how many were left out', () => {
    const items = Array.from({ length: 200 }, (_, i) => anActionItem({ id: `a${i}`, title: `Handling nummer ${i} med en lidt længere titel`, dueDate: '2026-04-01' }));
    const item = followUpAgendaItem(items);
    expect(() => AgendaItem.parse(item)).not.toThrow();
    const lines = item.description.split('\n');
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(/^- … og (\d+) flere/);
    expect(Number(/og (\d+) flere/.exec(last)?.[1]) + lines.length - 1).toBe(200);
  });
});

describe('remindersDue', () => {
  const tz = 'Europe/Copenhagen';
  const member = { kind: 'member' as const, userId: 'jonas', displayName: 'Jonas' };

  it('given an item due in 2 days, one overdue, one due in 3 days, one done and one with an outsider then due-soon and overdue for the member items only', () => {
    const items = [
      anActionItem({ id: 'soon', owner: member, dueDate: '2026-03-07' }),
      anActionItem({ id: 'late', owner: member, dueDate: '2026-03-04' }),
      anActionItem({ id: 'later', owner: member, dueDate: '2026-03-08' }),
      anActionItem({ id: 'done', owner: member, dueDate: '2026-03-01', status: 'done' }),
      anActionItem({ id: 'ext', owner: { kind: 'external', displayName: 'X', email: 'x@x.example' }, dueDate: '2026-03-01' }),
    ];
    expect(remindersDue(items, '2026-03-05', tz).map((r) => [r.kind, r.key, r.userId])).toEqual([
      ['dueSoon', 'action:soon:due-soon:2026-03-07', 'jonas'],
      ['overdue', 'action:late:overdue:2026-03-04', 'jonas'],
    ]);
  });

  it('given an item recorded inside the reminder window then no due-soon reminder (the owner just got it)', () => {
    const item = anActionItem({ owner: member, dueDate: '2026-03-06', createdAt: '2026-03-04T22:30:00.000Z' });
    expect(remindersDue([item], '2026-03-05', tz)).toEqual([]);
  });

  it('given a due date that moved then the reminder key is a new one', () => {
    const before = remindersDue([anActionItem({ id: 'a', owner: member, dueDate: '2026-03-04' })], '2026-03-05', tz)[0]?.key;
    const after = remindersDue([anActionItem({ id: 'a', owner: member, dueDate: '2026-03-03' })], '2026-03-05', tz)[0]?.key;
    expect(before).not.toBe(after);
  });
});

describe('overdueDigest', () => {
  it('given overdue items then the week and the items, oldest first; given none then nothing', () => {
    const digest = overdueDigest([anActionItem({ id: 'b', dueDate: '2026-03-04' }), anActionItem({ id: 'a', dueDate: '2026-03-01' }), anActionItem({ id: 'c', dueDate: '2026-03-09' })], '2026-03-05');
    expect([digest?.week, digest?.items.map((i) => i.id)]).toEqual(['2026-W10', ['a', 'b']]);
    expect(overdueDigest([anActionItem({ dueDate: '2026-03-09' })], '2026-03-05')).toBeUndefined();
    expect(digestKey('kg', '2026-W10', 'chair')).toBe('action-digest:kg:2026-W10:chair');
  });
});

describe('local dates', () => {
  it('given 23:30 UTC on 31 March then it is already 1 April in Copenhagen (summer time), hour 1', () => {
    const instant = new Date('2026-03-31T23:30:00.000Z');
    expect([localDateOf(instant, 'Europe/Copenhagen'), localHourOf(instant, 'Europe/Copenhagen')]).toEqual(['2026-04-01', 1]);
  });

  it.each([
    ['2026-01-01', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2024-12-30', '2025-W01'],
    ['2026-03-09', '2026-W11'],
  ])('given %s then ISO week %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('given date arithmetic across a month and the Danish form then as written', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
    expect(danishDate('2026-03-02')).toBe('02.03.2026');
  });
});
