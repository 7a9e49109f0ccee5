import { describe, expect, test } from 'vitest';
import { composePersonalDashboard, type PersonalDashboardInput } from '../../../domain/dashboard/personal-dashboard';
import { aForum, anActionItem, anAgenda, anEscalation } from '../../storage/storage.mothers';

const NOW = new Date('2026-03-05T10:00:00.000Z');
const ME = 'me';
const mine = aForum({ id: 'ssp-nu-u18', name: 'SSP-NU u18' });
const managed = aForum({ id: 'koordinationsgruppen', name: 'Koordinationsgruppen' });
const kredsraad = aForum({ id: 'kredsraad', name: 'Kredsråd', level: 'strategic' });
const infohus = aForum({ id: 'infohus', name: 'Infohus', sensitive: true });

const input = (over: Partial<PersonalDashboardInput> = {}): PersonalDashboardInput => ({
  userId: ME,
  memberships: [
    { forumId: mine.id, roles: ['consultant'] },
    { forumId: managed.id, roles: ['manager'] },
  ],
  fora: [mine, managed, kredsraad, infohus],
  actionItems: [],
  escalations: [],
  agendas: [],
  answeredAgendaIds: new Set(),
  now: NOW,
  today: '2026-03-05',
  ...over,
});

describe('the personal dashboard', () => {
  test('given memberships, then my fora are listed with my roles, sorted by name', () => {
    expect(composePersonalDashboard(input()).fora.map((f) => [f.name, f.roles])).toEqual([
      ['Koordinationsgruppen', ['manager']],
      ['SSP-NU u18', ['consultant']],
    ]);
  });

  test('given action items, then only my open ones in my fora are listed, earliest first', () => {
    const me = { kind: 'member' as const, userId: ME, displayName: 'Mig' };
    const items = [
      anActionItem(mine.id, { title: 'later', owner: me, dueDate: '2026-04-01' }),
      anActionItem(managed.id, { title: 'overdue', owner: me, dueDate: '2026-03-01' }),
      anActionItem(mine.id, { title: 'done', owner: me, status: 'done' }),
      anActionItem(mine.id, { title: 'someone else', owner: { kind: 'member', userId: 'other', displayName: 'Anden' } }),
      anActionItem(kredsraad.id, { title: 'not my forum', owner: me }),
    ];
    expect(composePersonalDashboard(input({ actionItems: items })).actionItems.map((i) => `${i.title}${i.overdue ? '!' : ''}`)).toEqual(['overdue!', 'later']);
  });

  test('given cases, then those held where I manage wait for my decision, those I raised and was asked about wait for my answer', () => {
    const held = anEscalation(mine.id, { currentForumId: managed.id, path: [mine.id, managed.id], title: 'decide' }).escalation;
    const asked = anEscalation(mine.id, { state: 'awaiting_answer', raisedBy: { userId: ME, displayName: 'Mig' }, title: 'answer' }).escalation;
    const askedOther = anEscalation(mine.id, { state: 'awaiting_answer', title: 'someone else asked' }).escalation;
    const plainMember = anEscalation(mine.id, { title: 'held where I am only a consultant' }).escalation;
    const resolved = anEscalation(mine.id, { currentForumId: managed.id, state: 'resolved', title: 'closed' }).escalation;
    const cases = composePersonalDashboard(input({ escalations: [held, asked, askedOther, plainMember, resolved, held] })).waitingCases;
    expect(cases.map((c) => [c.title, c.waitingFor]).sort()).toEqual([
      ['answer', 'answer'],
      ['decide', 'decide'],
    ]);
  });

  test('given a case from a sensitive forum I am not in, then it waits for me without its title', () => {
    const secret = anEscalation(infohus.id, { currentForumId: managed.id, path: [infohus.id, managed.id], title: 'Hemmelig' }).escalation;
    const [waiting] = composePersonalDashboard(input({ escalations: [secret] })).waitingCases;
    expect(waiting?.title).toBeUndefined();
    expect(waiting?.waitingFor).toBe('decide');
  });

  test('given circulated agendas, then those to me that I have not answered and whose deadline is ahead are listed', () => {
    const circulation = (ids: string[], deadline = '2026-03-08T12:00:00.000Z') => ({ deadline, consultantIds: ids, sentAt: '2026-03-01T12:00:00.000Z' });
    const open = anAgenda(kredsraad.id, { circulation: circulation([ME, 'x']) });
    const answered = anAgenda(kredsraad.id, { circulation: circulation([ME]) });
    const passed = anAgenda(kredsraad.id, { circulation: circulation([ME], '2026-03-04T12:00:00.000Z') });
    const notMe = anAgenda(kredsraad.id, { circulation: circulation(['x']) });
    const notCirculated = anAgenda(kredsraad.id);
    const result = composePersonalDashboard(input({ agendas: [open, answered, passed, notMe, notCirculated], answeredAgendaIds: new Set([answered.id]) }));
    expect(result.circulations).toEqual([
      { agendaId: open.id, forumId: kredsraad.id, forumName: 'Kredsråd', meetingStart: open.meetingStart, deadline: '2026-03-08T12:00:00.000Z' },
    ]);
  });
});
