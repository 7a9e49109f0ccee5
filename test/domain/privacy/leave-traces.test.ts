import { describe, expect, test } from 'vitest';
import { agendaAfterLeaving, auditAfterLeaving, mentions, pseudonymOf, withoutMentions } from '../../../domain/privacy/leave';
import { anAgenda, anAuditEvent } from '../../storage/storage.mothers';

const userId = '3f2c9a1e-7b44-4c1d-9f0e-2a6b8c1d4e5f';
const traces = { userId, teamsId: '29:1abc', names: ['Bo', 'Bo Holm', 'bo.holm@ishoj.dk'] };
const former = pseudonymOf(userId);

describe('finding and replacing a person who left in stored text', () => {
  test('given their ids and names then whole words match in any case, and a short name inside another word does not', () => {
    expect(mentions(`member:${userId}`, traces)).toBe(true);
    expect(mentions('{"owner":"BO HOLM"}', traces)).toBe(true);
    expect(mentions('Bolig og tryghed ved Boholmvej', traces)).toBe(false);
    expect(mentions(undefined, traces)).toBe(false);
  });

  test('given a text then ids become the pseudonym id, names its name, the full name before its part, and other words stay', () => {
    expect(withoutMentions(`Bo Holm (${userId}, 29:1abc) skrev til Bo om Bolig; svar til bo.holm@ishoj.dk`, traces)).toBe(
      `${former.displayName} (${former.userId}, ${former.userId}) skrev til ${former.displayName} om Bolig; svar til ${former.displayName}`,
    );
  });

  test('given audit events then only those naming them change, the actor too, and the same event comes back otherwise', () => {
    const theirs = anAuditEvent('forum-1', { actorId: userId, subject: 'agenda:1', after: '{"by":"Bo Holm"}' });
    expect(auditAfterLeaving(theirs, traces)).toEqual({ ...theirs, actorId: former.userId, after: `{"by":"${former.displayName}"}` });
    const others = anAuditEvent('forum-1', { actorId: 'someone', subject: 'Bolig' });
    expect(auditAfterLeaving(others, traces)).toBe(others);
  });

  test('given a circulation then they stay on it as the pseudonym if they answered, and leave it if they did not', () => {
    const circulation = { deadline: '2026-03-08T12:00:00.000Z', sentAt: '2026-03-01T08:00:00.000Z', consultantIds: [userId, 'other'], consultants: [{ userId, name: 'Bo Holm', forumId: 'f', forumName: 'F' }, { userId: 'other', name: 'Anna', forumId: 'f', forumName: 'F' }], sharedWith: [userId] };
    const agenda = anAgenda('forum-1', { circulation });
    expect(agendaAfterLeaving(agenda, traces, true).circulation).toMatchObject({ consultantIds: [former.userId, 'other'], consultants: [{ userId: former.userId, name: former.displayName }, { userId: 'other' }], sharedWith: [] });
    expect(agendaAfterLeaving(agenda, traces, false).circulation).toMatchObject({ consultantIds: ['other'], consultants: [{ userId: 'other' }] });
    const untouched = anAgenda('forum-1');
    expect(agendaAfterLeaving(untouched, traces, false)).toBe(untouched);
  });
});
