import { afterAll, describe, expect, test } from 'vitest';
import type { ConversationAddress } from '../../domain/conversations/conversation';
import { AlreadyExistsError, ConcurrencyError } from '../../domain/shared/repository-errors';
import { openTestStorage } from '../storage/storage-kit';
import { aChannel, aPerson, aPersonalChat, TENANT_ID } from './support/teams-activities';

const { storage, raw } = openTestStorage();
const { conversations, knownUsers } = storage;

afterAll(() => storage.dropAll());

const aPersonalAddress = (userId = aPerson().aadObjectId, conversationId = aPersonalChat().conversationId): ConversationAddress => ({
  conversationId,
  kind: 'personal',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  tenantId: TENANT_ID,
  botId: '28:bot',
  userId,
  active: true,
  installedAt: '2026-11-23T08:00:00.000Z',
});

describe('table conversation repository', () => {
  test('given a new address then it is created once; a second create of the same conversation is refused', async () => {
    const address = aPersonalAddress();
    const saved = await conversations.save(address);
    expect(saved.version).toBeDefined();
    expect(await conversations.findById(address.conversationId)).toEqual(saved);
    await expect(conversations.save(address)).rejects.toBeInstanceOf(AlreadyExistsError);
  });

  test('given a stale version then the save is refused and the newer write stays', async () => {
    const saved = await conversations.save(aPersonalAddress());
    const newer = await conversations.save({ ...saved, greetedAt: '2026-11-23T08:00:01.000Z' });
    await expect(conversations.save({ ...saved, serviceUrl: 'https://example.org/' })).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await conversations.findById(saved.conversationId)).toEqual(newer);
  });

  test('given a channel id with a thread suffix and reserved characters then it is stored and found under exactly that id', async () => {
    const odd = `${aChannel().conversationId};messageid=1#2/3?4`;
    await conversations.save({ ...aPersonalAddress(), conversationId: odd, kind: 'channel', userId: undefined });
    expect((await conversations.findById(odd))?.conversationId).toBe(odd);
  });

  test('given a personal address then findPersonal finds it while active and not after markInactive', async () => {
    const address = await conversations.save(aPersonalAddress());
    expect((await conversations.findPersonal(address.userId!))?.conversationId).toBe(address.conversationId);
    await conversations.markInactive(address.conversationId, 'MessageWritesBlocked');
    expect(await conversations.findPersonal(address.userId!)).toBeUndefined();
    expect(await conversations.findById(address.conversationId)).toMatchObject({ active: false, inactiveReason: 'MessageWritesBlocked' });
  });

  test('given remove then the address and its personal index row are gone, and removing again is harmless', async () => {
    const address = await conversations.save(aPersonalAddress());
    await conversations.remove(address.conversationId);
    expect(await conversations.findById(address.conversationId)).toBeUndefined();
    expect(await conversations.findPersonal(address.userId!)).toBeUndefined();
    const rows = [];
    for await (const row of raw('conversations').listEntities()) rows.push(row);
    expect(rows.some((row) => row['conversationId'] === address.conversationId)).toBe(false);
    await expect(conversations.remove(address.conversationId)).resolves.toBeUndefined();
    await expect(conversations.markInactive(address.conversationId, 'gone')).resolves.toBeUndefined();
  });

  test('given a user who moved to a new personal chat then findPersonal follows the newest one', async () => {
    const userId = aPerson().aadObjectId;
    await conversations.save(aPersonalAddress(userId));
    const second = await conversations.save(aPersonalAddress(userId));
    expect((await conversations.findPersonal(userId))?.conversationId).toBe(second.conversationId);
  });
});

describe('table known-user repository', () => {
  test('given a user saved twice then the newest details are read back, validated', async () => {
    const person = aPerson();
    const user = { userId: person.aadObjectId, teamsId: person.teamsId, tenantId: TENANT_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/', seenAt: '2026-11-23T08:00:00.000Z' };
    await knownUsers.save(user);
    await knownUsers.save({ ...user, displayName: 'Mette Sørensen', seenAt: '2026-11-23T09:00:00.000Z' });
    expect(await knownUsers.findById(person.aadObjectId)).toMatchObject({ ...user, displayName: 'Mette Sørensen', seenAt: '2026-11-23T09:00:00.000Z' });
    expect(await knownUsers.findById(aPerson().aadObjectId)).toBeUndefined();
  });

  test('given a row that does not hold a valid user then reading it fails loudly', async () => {
    const userId = aPerson().aadObjectId;
    const table = raw('knownusers');
    await knownUsers.findById(userId); // creates the table
    await table.upsertEntity({ partitionKey: userId, rowKey: 'user', userId, teamsId: '', tenantId: TENANT_ID, serviceUrl: 'not a url', seenAt: 'yesterday' });
    await expect(knownUsers.findById(userId)).rejects.toThrow();
  });
});
