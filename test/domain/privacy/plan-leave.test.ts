import { describe, expect, test } from 'vitest';
import { pseudonymOf } from '../../../domain/privacy/leave';
import { forumAfterLeaving, initiativeAfterLeaving, planAfterLeaving, versionAfterLeaving } from '../../../domain/privacy/plan-leave';
import { planDataOf } from '../../../domain/privacy/plan-person-data';
import type { PlanVersion } from '../../../domain/plan/plan';
import { PlanRecord } from '../../../domain/plan/plan';
import { initiative2017 } from '../plan/plan-2017';
import { aForum } from '../../storage/storage.mothers';

const userId = '3f2c9a1e-7b44-4c1d-9f0e-2a6b8c1d4e5f';
const traces = { userId, names: ['Bo Holm', 'bo.holm@ishoj.dk'] };
const former = pseudonymOf(userId);
const organisation = [{ level: 'executing' as const, fora: [{ id: 'f1', name: 'SSP', level: 'executing' as const, sensitive: false, members: [{ name: 'Bo Holm', roles: ['member' as const] }, { name: 'Karla', roles: ['chair' as const] }] }] }];

describe('the action plan after a person left', () => {
  test('given initiatives then a contact naming them (as whole words) and their last edit become the pseudonym; others come back the same object', () => {
    const theirs = initiative2017(0, { contactName: 'Bo Holm, SSP', updatedBy: userId });
    expect(initiativeAfterLeaving(theirs, traces)).toEqual({ ...theirs, contactName: `${former.displayName}, SSP`, updatedBy: former.userId });
    const others = initiative2017(1, { contactName: 'Bolette Holmsted', updatedBy: 'someone' });
    expect(initiativeAfterLeaving(others, traces)).toBe(others);
  });

  test('given approved versions then the sender, approver and listed member become the pseudonym and the dates stay; a version without them is the same object', () => {
    const content = { basis: 'b', strategy: 's', organisation, initiatives: [initiative2017(0, { contactName: 'Karla' })] };
    const version: PlanVersion = { number: 1, content, sentAt: '2026-01-01T10:00:00.000Z', sentBy: 'karla', approvedAt: '2026-01-02T10:00:00.000Z', approvedBy: userId };
    const next = versionAfterLeaving(version, traces);
    expect([next.sentBy, next.approvedBy, next.approvedAt, next.content.organisation[0]?.fora[0]?.members.map((m) => m.name)]).toEqual(['karla', former.userId, version.approvedAt, [former.displayName, 'Karla']]);
    const without = { ...version, approvedBy: 'karla', content: { ...content, organisation: [] } };
    expect(versionAfterLeaving(without, traces)).toBe(without);
  });

  test('given the working copy they sent then its sender becomes the pseudonym; the access request saw them as sender and listed before', () => {
    const record = { ...PlanRecord.parse({ ownerForumId: 'f1', steeringForumId: 'f2' }), state: 'sent' as const, sentAt: '2026-03-01T10:00:00.000Z', sentBy: userId, pending: { basis: '', strategy: '', organisation, initiatives: [] } };
    expect(planDataOf(traces, { record, versions: [], initiatives: [], changes: [] }).pending).toEqual({ sentAt: record.sentAt, as: ['sender', 'listed'] });
    const next = planAfterLeaving(record, traces);
    expect(next.sentBy).toBe(former.userId);
    expect(planDataOf(traces, { record: next, versions: [], initiatives: [], changes: [] }).pending).toBeUndefined();
  });

  test('given fora naming them as analyst (in any case) then they leave the list; a forum without them is the same object', () => {
    const forum = aForum({ analysts: [userId.toUpperCase(), 'karla'] });
    expect(forumAfterLeaving(forum, userId).analysts).toEqual(['karla']);
    const other = aForum({ analysts: ['karla'] });
    expect(forumAfterLeaving(other, userId)).toBe(other);
  });
});
