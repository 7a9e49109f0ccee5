import { afterAll, describe, expect, test } from 'vitest';
import { NotFoundError } from '../../domain/shared/repository-errors';
import { aMember } from './storage.mothers';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage, raw } = openTestStorage();
afterAll(() => storage.dropAll());

describe('members', () => {
  test('given members saved in a forum then find and the forum list give them back, and other fora stay empty', async () => {
    const forumId = uniqueId('forum');
    const chair = aMember({ roles: ['chair'] });
    const consultant = aMember({ roles: ['consultant', 'member'], email: undefined });
    await storage.members.save(forumId, chair);
    await storage.members.save(forumId, consultant);
    expect(await storage.members.find(forumId, chair.userId)).toEqual(chair);
    expect(await storage.members.find(forumId, consultant.userId)).toEqual(consultant);
    const listed = await storage.members.listByForum(forumId);
    expect(listed.sort((a, b) => a.userId.localeCompare(b.userId))).toEqual([chair, consultant].sort((a, b) => a.userId.localeCompare(b.userId)));
    expect(await storage.members.listByForum(uniqueId('forum'))).toEqual([]);
    expect(await storage.members.find(uniqueId('forum'), chair.userId)).toBeUndefined();
  });

  test('given a person in three fora then listMembershipsOfUser gives the three with their roles', async () => {
    const person = aMember({ roles: ['manager'] });
    const fora = [uniqueId('forum'), uniqueId('forum'), uniqueId('forum')];
    for (const forumId of fora) await storage.members.save(forumId, person);
    await storage.members.save(fora[0]!, { ...person, roles: ['chair', 'manager'] });
    const memberships = await storage.members.listMembershipsOfUser(person.userId);
    expect(memberships.sort((a, b) => a.forumId.localeCompare(b.forumId))).toEqual(
      [
        { forumId: fora[0]!, roles: ['chair', 'manager'] },
        { forumId: fora[1]!, roles: ['manager'] },
        { forumId: fora[2]!, roles: ['manager'] },
      ].sort((a, b) => a.forumId.localeCompare(b.forumId)),
    );
    expect(await storage.members.listMembershipsOfUser(uniqueId('nobody'))).toEqual([]);
  });

  test('given a member is removed then the forum list and the index both forget them', async () => {
    const forumId = uniqueId('forum');
    const member = aMember();
    await storage.members.save(forumId, member);
    await storage.members.remove(forumId, member.userId);
    expect(await storage.members.find(forumId, member.userId)).toBeUndefined();
    expect(await storage.members.listByForum(forumId)).toEqual([]);
    expect(await storage.members.listMembershipsOfUser(member.userId)).toEqual([]);
    await expect(storage.members.remove(forumId, member.userId)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('given a member row whose index row is missing (a crash between the writes) then remove still removes the member', async () => {
    const forumId = uniqueId('forum');
    const member = aMember();
    await storage.members.save(forumId, member);
    await raw('memberships').deleteEntity(member.userId, forumId);
    await storage.members.remove(forumId, member.userId);
    expect(await storage.members.find(forumId, member.userId)).toBeUndefined();
  });
});
