import { describe, expect, test } from 'vitest';
import { diffRoster, rosterMemberFrom, type RosterMember } from '../../../domain/reach/team-roster';

const team = { teamId: '19:team@thread.tacv2', tenantId: 'tenant-1', serviceUrl: 'https://smba.example/emea/' };
const now = new Date('2026-12-03T09:00:00.000Z');

const member = (userId: string, extra: Partial<RosterMember> = {}): RosterMember => ({
  teamId: team.teamId,
  userId,
  teamsId: `29:${userId}`,
  tenantId: 'tenant-1',
  serviceUrl: team.serviceUrl,
  seenAt: now.toISOString(),
  ...extra,
});

describe('roster members from Teams accounts', () => {
  test('given an account with Entra id, e-mail and UPN in mixed case then the row keeps ids and lower-cases e-mail and UPN', () => {
    const row = rosterMemberFrom({ id: '29:abc', aadObjectId: 'aad-1', name: 'Jonas Berg', email: 'Jonas.Berg@Ishoej.dk', userPrincipalName: 'JBE@ishoej.dk' }, team, now);
    expect(row).toEqual({ teamId: team.teamId, userId: 'aad-1', teamsId: '29:abc', tenantId: 'tenant-1', serviceUrl: team.serviceUrl, displayName: 'Jonas Berg', email: 'jonas.berg@ishoej.dk', upn: 'jbe@ishoej.dk', seenAt: now.toISOString() });
  });

  test('given a bot account (28:) or one without Entra id then no row', () => {
    expect(rosterMemberFrom({ id: '28:bot', aadObjectId: 'x' }, team, now)).toBeUndefined();
    expect(rosterMemberFrom({ id: '29:abc' }, team, now)).toBeUndefined();
  });
});

describe('roster diff', () => {
  test('given a stored roster and a fresh read then new and changed people are written and those gone are removed; unchanged ones are left alone', () => {
    const stored = [member('a'), member('b'), member('c', { displayName: 'Old' })];
    const fresh = [member('a', { seenAt: '2026-12-04T00:00:00.000Z' }), member('c', { displayName: 'New' }), member('d')];
    const diff = diffRoster(stored, fresh);
    expect(diff.upsert.map((m) => m.userId)).toEqual(['c', 'd']);
    expect(diff.remove).toEqual(['b']);
  });
});
