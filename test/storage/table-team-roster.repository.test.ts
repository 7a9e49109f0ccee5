import { afterAll, describe, expect, test } from 'vitest';
import type { RosterMember, TeamInstall } from '../../domain/reach/team-roster';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());
const rosters = storage.teamRosters;

const aTeam = (extra: Partial<TeamInstall> = {}): TeamInstall => ({
  teamId: `19:${uniqueId('team')}@thread.tacv2`,
  name: 'SSP Ishøj',
  serviceUrl: 'https://smba.example/emea/',
  tenantId: 'tenant-1',
  botId: '28:bot',
  active: true,
  channels: [],
  installedAt: '2026-12-03T08:00:00.000Z',
  ...extra,
});

const aMember = (teamId: string, userId: string, extra: Partial<RosterMember> = {}): RosterMember => ({
  teamId,
  userId,
  teamsId: `29:${userId}`,
  tenantId: 'tenant-1',
  serviceUrl: 'https://smba.example/emea/',
  seenAt: '2026-12-03T08:00:00.000Z',
  ...extra,
});

describe('team rosters', () => {
  test('given a team with channels then it reads back, and each channel (General = team id, another with ;messageid) finds it', async () => {
    const team = aTeam();
    const kredsraad = `19:${uniqueId('ch')}@thread.tacv2`;
    await rosters.saveTeam({ ...team, channels: [{ conversationId: team.teamId }, { conversationId: kredsraad, name: 'Kredsråd' }] });
    expect(await rosters.findTeam(team.teamId)).toMatchObject({ teamId: team.teamId, channels: [{ conversationId: team.teamId }, { conversationId: kredsraad, name: 'Kredsråd' }] });
    expect((await rosters.findTeamOfChannel(`${kredsraad};messageid=123`))?.teamId).toBe(team.teamId);
    expect((await rosters.findTeamOfChannel(team.teamId))?.teamId).toBe(team.teamId);
    expect(await rosters.findTeamOfChannel('19:other@thread.tacv2')).toBeUndefined();
  });

  test('given 1,234 members written then all list back, a person is found by id and by e-mail or UPN in any case; removed ones are not', async () => {
    const team = aTeam();
    await rosters.saveTeam(team);
    const people = Array.from({ length: 1_234 }, (_, i) => aMember(team.teamId, `${team.teamId}-u${i}`, { email: `u${i}@${team.teamId.slice(3, 15)}.dk`, upn: `upn${i}@${team.teamId.slice(3, 15)}.dk` }));
    await rosters.putMembers(team.teamId, people);
    expect((await rosters.listMembers(team.teamId)).length).toBe(1_234);
    const target = people[700];
    if (target === undefined) throw new Error('no member');
    expect(await rosters.findMember(target.userId)).toEqual(target);
    expect((await rosters.findMemberByEmail(target.email?.toUpperCase() ?? ''))?.userId).toBe(target.userId);
    expect((await rosters.findMemberByEmail(target.upn ?? ''))?.userId).toBe(target.userId);

    await rosters.removeMembers(team.teamId, [target.userId, 'not-there']);
    expect(await rosters.findMember(target.userId)).toBeUndefined();
    expect((await rosters.listMembers(team.teamId)).length).toBe(1_233);
  });

  test('given a team the app was removed from then its roster no longer finds anyone', async () => {
    const team = aTeam();
    await rosters.saveTeam(team);
    const person = aMember(team.teamId, uniqueId('aad'));
    await rosters.putMembers(team.teamId, [person]);
    expect(await rosters.findMember(person.userId)).toEqual(person);
    await rosters.saveTeam({ ...team, active: false });
    expect(await rosters.findMember(person.userId)).toBeUndefined();
  });

  test('given a row for another team then putMembers refuses it', async () => {
    const team = aTeam();
    await expect(rosters.putMembers(team.teamId, [aMember('19:else@thread.tacv2', 'x')])).rejects.toThrow(/written to/);
  });
});
