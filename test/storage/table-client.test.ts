import { TableServiceClient } from '@azure/data-tables';
import { describe, expect, inject, test } from 'vitest';
import { azuriteConnectionString, freePort } from '../../storage/azurite';
import { createStorage } from '../../storage/index';
import { allowsInsecureConnection } from '../../storage/table-client';
import { aForum } from './storage.mothers';
import { openTestStorage } from './storage-kit';

const KEY = 'a2V5';

describe('connection security', () => {
  test('given the emulator on 127.0.0.1, localhost or UseDevelopmentStorage then plain http is allowed', () => {
    expect(allowsInsecureConnection(azuriteConnectionString(10002))).toBe(true);
    expect(allowsInsecureConnection(azuriteConnectionString(10002, 'localhost'))).toBe(true);
    expect(allowsInsecureConnection('UseDevelopmentStorage=true')).toBe(true);
  });

  test('given a real account over https then no insecure connection is allowed', () => {
    expect(allowsInsecureConnection(`DefaultEndpointsProtocol=https;AccountName=ishoej;AccountKey=${KEY};EndpointSuffix=core.windows.net`)).toBe(false);
    expect(allowsInsecureConnection(`AccountName=ishoej;AccountKey=${KEY};TableEndpoint=https://ishoej.table.core.windows.net/`)).toBe(false);
  });

  test('given plain http to any other host then the storage refuses to start', () => {
    expect(() => createStorage(`DefaultEndpointsProtocol=http;AccountName=ishoej;AccountKey=${KEY};EndpointSuffix=core.windows.net`)).toThrow(/plain http/);
    expect(() => createStorage(`AccountName=ishoej;AccountKey=${KEY};TableEndpoint=http://10.0.0.5:10002/ishoej`)).toThrow(/plain http/);
  });

  test('given a table prefix that is not letters and digits then createStorage refuses it', () => {
    expect(() => createStorage(inject('storageConnectionString'), { tablePrefix: 'test-1' })).toThrow();
    expect(() => createStorage(inject('storageConnectionString'), { tablePrefix: '1test' })).toThrow();
    expect(() => createStorage('  ')).toThrow();
  });
});

describe('ping and dropAll', () => {
  test('given the running Azurite then ping answers', async () => {
    await expect(openTestStorage().storage.ping()).resolves.toBeUndefined();
  });

  test('given a port where nothing listens then ping rejects', async () => {
    const storage = createStorage(azuriteConnectionString(await freePort()));
    await expect(storage.ping()).rejects.toThrow();
  });

  test('given no table prefix then dropAll refuses', async () => {
    await expect(createStorage(inject('storageConnectionString')).dropAll()).rejects.toThrow(/prefix/);
  });

  test('given tables created by use then dropAll deletes exactly this prefix’s tables', async () => {
    const mine = openTestStorage();
    const neighbour = openTestStorage();
    await mine.storage.fora.save(aForum());
    await mine.storage.members.save('forum', { userId: 'u', displayName: 'U', roles: ['member'] });
    await neighbour.storage.fora.save(aForum());
    const service = TableServiceClient.fromConnectionString(inject('storageConnectionString'), { allowInsecureConnection: true });
    const tablesOf = async (prefix: string): Promise<string[]> => {
      const names: string[] = [];
      for await (const table of service.listTables()) if (table.name?.startsWith(prefix)) names.push(table.name);
      return names.sort();
    };
    // A write to a forum or its members also moves the forum's change mark (in `reminderindex`).
    expect(await tablesOf(mine.prefix)).toEqual([`${mine.prefix}fora`, `${mine.prefix}members`, `${mine.prefix}memberships`, `${mine.prefix}reminderindex`]);
    await mine.storage.dropAll();
    expect(await tablesOf(mine.prefix)).toEqual([]);
    expect(await tablesOf(neighbour.prefix)).toEqual([`${neighbour.prefix}fora`, `${neighbour.prefix}reminderindex`]);
    // The storage keeps working after a drop: its tables come back on next use.
    await mine.storage.fora.save(aForum());
    expect(await mine.storage.fora.list()).toHaveLength(1);
    await mine.storage.dropAll();
    await neighbour.storage.dropAll();
  });
});
