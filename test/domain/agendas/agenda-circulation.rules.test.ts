import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaItem, CirculatedConsultant } from '../../../domain/agendas/agenda';
import {
  answerInputs,
  autoReminderDue,
  briefingDue,
  answerProblems,
  canCirculate,
  canRemindMissing,
  canSeeBriefing,
  checkAnswer,
  checkItemText,
  moveItem,
  progressOf,
} from '../../../domain/agendas/agenda.rules';
import { compileBriefing } from '../../../domain/agendas/briefing';
import { anAgenda } from '../support/mothers';

const item = (id: string, inputWanted = true): AgendaItem => ({ id, title: `Punkt ${id}`, description: '', inputWanted });
const person = (userId: string, forumName = 'SSP-netværk'): CirculatedConsultant => ({ userId, name: `Konsulent ${userId}`, forumId: 'ssp-netvaerk', forumName });
const now = new Date('2026-03-05T10:00:00.000Z');

const circulated = (over: Partial<Agenda> = {}): Agenda =>
  anAgenda({
    items: [item('a'), item('b', false), item('c')],
    circulation: {
      deadline: '2026-03-10T12:00:00.000Z',
      sentAt: '2026-03-01T08:00:00.000Z',
      consultantIds: ['u1', 'u2', 'u3'],
      consultants: [person('u1'), person('u2', 'SSP-NU u18'), person('u3')],
    },
    ...over,
  });

const answer = (over: Partial<Parameters<typeof checkAnswer>[1]> = {}) => ({ authorId: 'u1', agendaRevision: 3, noComments: false, texts: { a: 'Flere unge ved stationen.' }, ...over });

describe('checkAnswer', () => {
  it('given a comment on one item wanting input then allowed', () => {
    expect(checkAnswer(circulated(), answer(), now)).toEqual({ ok: true });
  });
  it('given only blank texts and no "no comments" then INPUT.EMPTY', () => {
    expect(checkAnswer(circulated(), answer({ texts: { a: '   ', c: '' } }), now)).toEqual({ ok: false, code: 'INPUT.EMPTY' });
  });
  it('given text only on an item that does not want input then INPUT.EMPTY (it is not counted)', () => {
    expect(checkAnswer(circulated(), answer({ texts: { b: 'tekst' } }), now).ok).toBe(false);
  });
  it('given "no comments" and no text then allowed', () => {
    expect(checkAnswer(circulated(), answer({ noComments: true, texts: {} }), now)).toEqual({ ok: true });
  });
  it('given 4,001 characters on one item then FIELD.TOO_LONG with the limit, the length and the item (the text is never cut)', () => {
    expect(checkAnswer(circulated(), answer({ texts: { a: 'x'.repeat(4001) } }), now)).toEqual({ ok: false, code: 'FIELD.TOO_LONG', context: { max: 4000, length: 4001, itemId: 'a' } });
  });
  it('given a CPR number in the second item then INPUT.CPR_NUMBER', () => {
    expect(checkAnswer(circulated(), answer({ texts: { a: 'ok', c: 'Drengen 010203-1234 igen' } }), now)).toEqual({ ok: false, code: 'INPUT.CPR_NUMBER', context: { itemId: 'c' } });
  });
  it('given a CPR number in one item and a text over the limit in another then answerProblems names both items', () => {
    expect(answerProblems(circulated(), { noComments: false, texts: { a: 'x'.repeat(4001), c: 'Drengen 010203-1234 igen' } })).toEqual({
      a: { code: 'FIELD.TOO_LONG', context: { max: 4000, length: 4001 } },
      c: { code: 'INPUT.CPR_NUMBER' },
    });
  });
  it('given someone not on the list then AGENDA.NOT_ON_CIRCULATION', () => {
    expect(checkAnswer(circulated(), answer({ authorId: 'stranger' }), now)).toEqual({ ok: false, code: 'AGENDA.NOT_ON_CIRCULATION' });
  });
  it('given an older revision then AGENDA.STALE with the current one', () => {
    expect(checkAnswer(circulated(), answer({ agendaRevision: 2 }), now)).toEqual({ ok: false, code: 'AGENDA.STALE', context: { current: 3 } });
  });
  it('given a time after the deadline then AGENDA.DEADLINE_PASSED', () => {
    expect(checkAnswer(circulated(), answer(), new Date('2026-03-10T12:00:00.001Z')).ok).toBe(false);
  });
});

describe('answerInputs', () => {
  it('given texts on two items then one row per non-empty item, trimmed, with the author and forum', () => {
    const rows = answerInputs(circulated(), answer({ texts: { a: ' A ', c: '', b: 'ignored' } }), person('u1'), now);
    expect(rows.map((r) => [r.itemId, r.text, r.authorForumId, r.noComments])).toEqual([['a', 'A', 'ssp-netvaerk', false]]);
  });
  it('given "no comments" then one row without item', () => {
    const rows = answerInputs(circulated(), answer({ noComments: true }), person('u1'), now);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.itemId).toBeUndefined();
    expect(rows[0]?.noComments).toBe(true);
  });
});

describe('moveItem', () => {
  const items = [item('a'), item('b'), item('c')];
  it('given the last item moved up then it changes place with the one before', () => {
    expect(moveItem(items, 'c', -1).map((i) => i.id)).toEqual(['a', 'c', 'b']);
  });
  it('given the first item moved up then nothing changes', () => {
    expect(moveItem(items, 'a', -1).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('canCirculate', () => {
  const draft = anAgenda({ circulation: undefined, circulationEnabled: true });
  const later = { deadline: new Date('2026-03-09T12:00:00.000Z'), consultantCount: 3 };
  it('given the chair, a published agenda with input wanted, a future deadline then allowed', () => {
    expect(canCirculate(['chair'], draft, later, now)).toEqual({ ok: true });
  });
  it('given the secretary then FORUM.NOT_CHAIR', () => {
    expect(canCirculate(['secretary'], draft, later, now).ok).toBe(false);
  });
  it('given circulation not turned on then AGENDA.CIRCULATION_OFF', () => {
    expect(canCirculate(['chair'], { ...draft, circulationEnabled: false }, later, now)).toEqual({ ok: false, code: 'AGENDA.CIRCULATION_OFF' });
  });
  it('given a draft then AGENDA.NOT_PUBLISHED', () => {
    expect(canCirculate(['chair'], { ...draft, state: 'draft' }, later, now)).toEqual({ ok: false, code: 'AGENDA.NOT_PUBLISHED' });
  });
  it('given a deadline in the past then AGENDA.DEADLINE_NOT_FUTURE', () => {
    expect(canCirculate(['chair'], draft, { ...later, deadline: new Date('2026-03-01T00:00:00Z') }, now)).toEqual({ ok: false, code: 'AGENDA.DEADLINE_NOT_FUTURE' });
  });
  it('given a deadline at or after the start of the meeting then AGENDA.DEADLINE_AFTER_MEETING with the meeting start', () => {
    for (const deadline of [new Date(draft.meetingStart), new Date(Date.parse(draft.meetingStart) + 60_000)]) {
      expect(canCirculate(['chair'], draft, { ...later, deadline }, now)).toEqual({ ok: false, code: 'AGENDA.DEADLINE_AFTER_MEETING', context: { meetingStart: draft.meetingStart } });
    }
    expect(canCirculate(['chair'], draft, { ...later, deadline: new Date(Date.parse(draft.meetingStart) - 60_000) }, now).ok).toBe(true);
  });
  it('given no consultants in the picked fora then AGENDA.NO_CONSULTANTS', () => {
    expect(canCirculate(['chair'], draft, { ...later, consultantCount: 0 }, now)).toEqual({ ok: false, code: 'AGENDA.NO_CONSULTANTS' });
  });
});

describe('progress, reminders and briefing', () => {
  const inputs = [
    { agendaId: 'ag1', itemId: 'a', authorId: 'u1', authorName: 'Konsulent u1', authorForumId: 'ssp-netvaerk', text: 'A1', noComments: false, agendaRevision: 3, savedAt: now.toISOString() },
    { agendaId: 'ag1', itemId: 'c', authorId: 'u1', authorName: 'Konsulent u1', authorForumId: 'ssp-netvaerk', text: 'C1', noComments: false, agendaRevision: 3, savedAt: now.toISOString() },
    { agendaId: 'ag1', authorId: 'u2', authorName: 'Konsulent u2', authorForumId: 'ssp-netvaerk', text: '', noComments: true, agendaRevision: 3, savedAt: now.toISOString() },
  ];
  it('given two of three answered (one with two rows) then 2 of 3 and u3 missing', () => {
    const progress = progressOf(circulated().circulation!, inputs);
    expect([progress.answered, progress.total, progress.missing.map((m) => m.userId)]).toEqual([2, 3, ['u3']]);
  });
  it('given a reminder already today then AGENDA.REMINDED_TODAY; another day allowed', () => {
    const agenda = circulated();
    const reminded = { ...agenda, circulation: { ...agenda.circulation!, lastManualReminderOn: '2026-03-05' } };
    const progress = progressOf(agenda.circulation!, inputs);
    expect(canRemindMissing(['chair'], reminded, progress, '2026-03-05', now)).toEqual({ ok: false, code: 'AGENDA.REMINDED_TODAY' });
    expect(canRemindMissing(['chair'], reminded, progress, '2026-03-06', now)).toEqual({ ok: true });
    expect(canRemindMissing(['member'], agenda, progress, '2026-03-06', now).ok).toBe(false);
  });
  it('given a 24-hour lead then the automatic reminder is due from 24 h before the deadline, once', () => {
    const c = circulated().circulation!;
    expect(autoReminderDue(c, new Date('2026-03-09T11:59:00.000Z'))).toBe(false);
    expect(autoReminderDue(c, new Date('2026-03-09T12:00:00.000Z'))).toBe(true);
    expect(autoReminderDue({ ...c, autoReminderSentAt: '2026-03-09T12:00:00.000Z' }, new Date('2026-03-09T13:00:00.000Z'))).toBe(false);
    expect(autoReminderDue(c, new Date('2026-03-10T12:00:01.000Z'))).toBe(false);
  });
  it('given an agenda sent inside the reminder window then no automatic reminder', () => {
    const c = { ...circulated().circulation!, sentAt: '2030-03-09T18:00:00.000Z', deadline: '2030-03-10T12:00:00.000Z' };
    expect(autoReminderDue(c, new Date('2030-03-10T08:00:00.000Z'))).toBe(false);
  });
  it('given the deadline passed then the briefing is due once', () => {
    const c = circulated().circulation!;
    expect(briefingDue(c, new Date('2026-03-10T12:00:01.000Z'))).toBe(true);
    expect(briefingDue({ ...c, briefingCompiledAt: '2026-03-10T12:01:00.000Z' }, new Date('2026-03-10T13:00:00.000Z'))).toBe(false);
  });
  it('given a briefing asked for before the deadline then the final one is still due after it', () => {
    const c = { ...circulated().circulation!, briefingCompiledAt: '2026-03-08T09:00:00.000Z' };
    expect(briefingDue(c, new Date('2026-03-08T10:00:00.000Z'))).toBe(false);
    expect(briefingDue(c, new Date('2026-03-10T12:00:01.000Z'))).toBe(true);
  });
  it('given the compiled briefing then per item every comment with author and forum, and the "no comments"', () => {
    const briefing = compileBriefing(circulated(), inputs);
    expect(briefing.items.map((i) => [i.item.id, i.entries.map((e) => `${e.authorName}/${e.forumName}: ${e.text}`)])).toEqual([
      ['a', ['Konsulent u1/SSP-netværk: A1']],
      ['c', ['Konsulent u1/SSP-netværk: C1']],
    ]);
    expect(briefing.noComments).toEqual([{ authorName: 'Konsulent u2', forumName: 'SSP-NU u18' }]);
  });
  it('given a member the chair shared with then the briefing is visible; another member is refused', () => {
    const agenda = circulated();
    const shared = { ...agenda, circulation: { ...agenda.circulation!, sharedWith: ['mayor'] } };
    expect(canSeeBriefing(['member'], 'mayor', shared)).toEqual({ ok: true });
    expect(canSeeBriefing(['member'], 'other', shared)).toEqual({ ok: false, code: 'AGENDA.BRIEFING_NOT_ALLOWED' });
    expect(canSeeBriefing(['secretary'], 'sec', agenda)).toEqual({ ok: true });
  });
  it('given a CPR number in an item description then INPUT.CPR_NUMBER', () => {
    expect(checkItemText({ title: 'Status', description: 'se 2912991234', presenter: undefined })).toEqual({ ok: false, code: 'INPUT.CPR_NUMBER' });
  });
});
