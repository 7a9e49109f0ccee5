import { describe, expect, it } from 'vitest';
import { AGENDA_INPUT_MAX_LENGTH } from '../../../domain/agendas/agenda';
import { channelPostDue, checkAgendaInput, mayNeedTending } from '../../../domain/agendas/agenda.rules';
import { anAgenda } from '../support/mothers';

const beforeDeadline = new Date('2026-03-09T10:00:00.000Z');
const input = (overrides: Partial<Parameters<typeof checkAgendaInput>[1]> = {}) => ({
  authorId: 'consultant',
  text: 'Vi ser flere unge ved Ishøj Station efter kl. 22.',
  noComments: false,
  agendaRevision: 3,
  ...overrides,
});

describe('checkAgendaInput', () => {
  it('given a consultant on the circulation, before the deadline, current revision then allowed', () => {
    expect(checkAgendaInput(anAgenda(), input(), beforeDeadline)).toEqual({ ok: true });
  });

  it('given an agenda that was never circulated then AGENDA.NOT_CIRCULATED', () => {
    expect(checkAgendaInput(anAgenda({ circulation: undefined }), input(), beforeDeadline)).toEqual({ ok: false, code: 'AGENDA.NOT_CIRCULATED' });
  });

  it('given an author not on the circulation list then AGENDA.NOT_ON_CIRCULATION', () => {
    expect(checkAgendaInput(anAgenda(), input({ authorId: 'someone-else' }), beforeDeadline)).toEqual({ ok: false, code: 'AGENDA.NOT_ON_CIRCULATION' });
  });

  it('given a time after the deadline then AGENDA.DEADLINE_PASSED with the deadline', () => {
    expect(checkAgendaInput(anAgenda(), input(), new Date('2026-03-10T12:00:00.001Z'))).toEqual({
      ok: false,
      code: 'AGENDA.DEADLINE_PASSED',
      context: { deadline: '2026-03-10T12:00:00.000Z' },
    });
  });

  it('given exactly the deadline then still allowed', () => {
    expect(checkAgendaInput(anAgenda(), input(), new Date('2026-03-10T12:00:00.000Z')).ok).toBe(true);
  });

  it('given an input made on an older revision of the agenda then AGENDA.STALE with the current revision', () => {
    expect(checkAgendaInput(anAgenda({ revision: 4 }), input({ agendaRevision: 3 }), beforeDeadline)).toEqual({ ok: false, code: 'AGENDA.STALE', context: { current: 4 } });
  });

  it.each([[''], ['   \n\t ']])('given empty text %j without "no comments" then INPUT.EMPTY', (text) => {
    expect(checkAgendaInput(anAgenda(), input({ text }), beforeDeadline)).toEqual({ ok: false, code: 'INPUT.EMPTY' });
  });

  it('given text one character over the limit then INPUT.TOO_LONG with the limit', () => {
    const text = 'x'.repeat(AGENDA_INPUT_MAX_LENGTH + 1);
    expect(checkAgendaInput(anAgenda(), input({ text }), beforeDeadline)).toEqual({ ok: false, code: 'INPUT.TOO_LONG', context: { max: AGENDA_INPUT_MAX_LENGTH } });
  });

  it('given text exactly at the limit then allowed', () => {
    expect(checkAgendaInput(anAgenda(), input({ text: 'x'.repeat(AGENDA_INPUT_MAX_LENGTH) }), beforeDeadline).ok).toBe(true);
  });

  it('given text with a CPR number then INPUT.CPR_NUMBER', () => {
    expect(checkAgendaInput(anAgenda(), input({ text: 'Drengen (120508-1234) er set igen.' }), beforeDeadline)).toEqual({ ok: false, code: 'INPUT.CPR_NUMBER' });
  });

  it('given "no comments" with empty text then allowed', () => {
    expect(checkAgendaInput(anAgenda(), input({ noComments: true, text: '' }), beforeDeadline)).toEqual({ ok: true });
  });

  it('given "no comments" after the deadline then the deadline still applies', () => {
    expect(checkAgendaInput(anAgenda(), input({ noComments: true, text: '' }), new Date('2026-03-11T00:00:00.000Z')).ok).toBe(false);
  });

  it('given several problems at once then the first in order is reported (circulation before deadline before revision)', () => {
    const late = new Date('2026-03-11T00:00:00.000Z');
    expect(checkAgendaInput(anAgenda(), input({ authorId: 'x', agendaRevision: 1 }), late)).toMatchObject({ code: 'AGENDA.NOT_ON_CIRCULATION' });
    expect(checkAgendaInput(anAgenda(), input({ agendaRevision: 1 }), late)).toMatchObject({ code: 'AGENDA.DEADLINE_PASSED' });
  });
});

describe('channelPostDue', () => {
  const meeting = '2026-03-10T08:00:00.000Z';
  const at = (iso: string): Date => new Date(iso);
  const published = anAgenda({ state: 'published', revision: 2, postedRevision: undefined, meetingStart: meeting, circulation: undefined });

  it('given a published agenda never posted and its meeting to come (or begun under 12 hours ago) then due', () => {
    expect(channelPostDue(published, true, at('2026-03-01T00:00:00.000Z'))).toBe(true);
    expect(channelPostDue(published, true, at('2026-03-10T19:59:59.000Z'))).toBe(true);
  });

  it('given a published agenda never posted whose meeting is past then not due (a channel linked later gets no history)', () => {
    expect(channelPostDue(published, true, at('2026-03-10T20:00:01.000Z'))).toBe(false);
  });

  it('given a post that is there but behind the agenda then due whenever the meeting was (the post is updated in place)', () => {
    expect(channelPostDue({ ...published, postedRevision: 1 }, true, at('2027-01-01T00:00:00.000Z'))).toBe(true);
  });

  it('given no channel, a draft, or a post up to date then not due', () => {
    expect(channelPostDue(published, false, at('2026-03-01T00:00:00.000Z'))).toBe(false);
    expect(channelPostDue({ ...published, state: 'draft' }, true, at('2026-03-01T00:00:00.000Z'))).toBe(false);
    expect(channelPostDue({ ...published, postedRevision: 2 }, true, at('2026-03-01T00:00:00.000Z'))).toBe(false);
  });
});

describe('mayNeedTending (whether a write lists the agenda for the circulation job)', () => {
  const meeting = '2026-03-10T08:00:00.000Z';
  const deadline = '2026-03-08T12:00:00.000Z';
  const at = (iso: string): Date => new Date(iso);
  const done = { deadline, sentAt: '2026-03-01T08:00:00.000Z', consultantIds: ['c-1'], cardsQueuedAt: '2026-03-01T08:00:05.000Z', briefingCompiledAt: '2026-03-08T12:01:00.000Z' };
  const published = anAgenda({ state: 'published', revision: 2, postedRevision: undefined, meetingStart: meeting, circulation: undefined });

  it('given a past meeting whose circulation is done and that was never posted then no (a rename after a person left lists nothing)', () => {
    expect(mayNeedTending({ ...published, circulation: done }, at('2026-04-01T00:00:00.000Z'))).toBe(false);
  });

  it('given cards not all queued, the final briefing not made, a post behind, or a meeting to come, then yes', () => {
    const later = at('2026-04-01T00:00:00.000Z');
    expect(mayNeedTending({ ...published, circulation: { ...done, cardsQueuedAt: undefined } }, later)).toBe(true);
    expect(mayNeedTending({ ...published, circulation: { ...done, briefingCompiledAt: undefined } }, later)).toBe(true);
    expect(mayNeedTending({ ...published, circulation: done, postedRevision: 1 }, later)).toBe(true);
    // The forum's channel is not known to a write: a published agenda of a meeting to come is listed.
    expect(mayNeedTending(published, at('2026-03-09T00:00:00.000Z'))).toBe(true);
    expect(mayNeedTending({ ...published, circulation: done }, at('2026-03-08T12:05:00.000Z'))).toBe(true);
  });

  it('given any agenda judged no at a time then it is no at every later time (an unlisted agenda never needs the job later)', () => {
    const variants = [undefined, done, { ...done, briefingCompiledAt: undefined }, { ...done, briefingCompiledAt: '2026-03-07T09:00:00.000Z' }, { ...done, cardsQueuedAt: undefined }].flatMap((circulation) =>
      [undefined, 1, 2].flatMap((postedRevision) => (['draft', 'published'] as const).map((state) => ({ ...published, state, postedRevision, circulation }))),
    );
    const times = Array.from({ length: 60 }, (_, h) => new Date(Date.parse('2026-03-07T00:00:00.000Z') + h * 3 * 3_600_000));
    for (const agenda of variants) {
      const firstNo = times.findIndex((t) => !mayNeedTending(agenda, t));
      if (firstNo >= 0) expect(times.slice(firstNo).map((t) => mayNeedTending(agenda, t))).toEqual(times.slice(firstNo).map(() => false));
    }
  });
});
