import { afterAll, describe, expect, test } from 'vitest';
import { countRequestsTo } from '../../bench/storage-round-trips';
import { createStorage } from '../../storage/index';
import { aForum } from './storage.mothers';
import { openTestStorage } from './storage-kit';

const { storage, raw, connectionString, prefix, port } = openTestStorage();
/** A second instance on the same tables: its own process memory, the same storage. */
const other = createStorage(connectionString, { tablePrefix: prefix });
afterAll(() => storage.dropAll());

const names = async (s: typeof storage): Promise<string[]> => (await s.fora.list()).map((f) => f.name).sort();

describe('the kept list of fora', () => {
  test('given a list read once then a forum written under the repository (no mark) is not seen: the kept list is served', async () => {
    await storage.fora.save(aForum({ id: 'a-forum', name: 'Kredsråd' }));
    expect(await names(storage)).toEqual(['Kredsråd']);
    // Under the repository, so no mark moves: only a list read anew would show it.
    await raw('fora').upsertEntity({ partitionKey: 'forum', rowKey: 'b-forum', id: 'b-forum', name: 'Skjult', level: 'executing', sensitive: false }, 'Replace');
    expect(await names(storage)).toEqual(['Kredsråd']);
  });

  test('given another instance creates, renames and deletes fora then this instance sees each change at once', async () => {
    await names(storage); // kept here
    const created = await other.fora.save(aForum({ id: 'c-forum', name: 'Lokalrådet' }));
    expect(await names(storage)).toContain('Lokalrådet');
    await other.fora.update(created.id, (f) => ({ ...f, name: 'Lokalrådet i Ishøj' }));
    expect(await names(storage)).toContain('Lokalrådet i Ishøj');
    await other.fora.delete(created.id);
    expect(await names(storage)).not.toContain('Lokalrådet i Ishøj');
    // Its own writes too; and what it hands out cannot change what it keeps.
    await storage.fora.save(aForum({ id: 'd-forum', name: 'SSP-netværket' }));
    const list = await storage.fora.list();
    expect(list.map((f) => f.name)).toContain('SSP-netværket');
    expect(() => Object.assign(list[0]!, { name: 'ændret' })).toThrow();
    list.pop();
    expect(await names(storage)).toContain('SSP-netværket');
  });

  test('given several fora written together then the list mark moves twice in all, and another instance sees every change', async () => {
    const ids = ['e-forum', 'f-forum', 'g-forum', 'h-forum', 'i-forum'];
    for (const id of ids) await storage.fora.save(aForum({ id, name: `Forum ${id}` }));
    await names(other); // kept there
    const counter = countRequestsTo(port);
    try {
      await storage.fora.writeTogether!(async (fora) => {
        for (const id of ids) await fora.update(id, (f) => ({ ...f, name: `${f.name} (omdøbt)` }));
      });
      // Each forum's own change mark moves before and after its write (2 × 5), the list's once around all (2).
      expect(Object.fromEntries(counter.byKind())['upsert/update reminderindex']).toBe(2 * ids.length + 2);
    } finally {
      counter.close();
    }
    expect((await names(other)).filter((name) => name.endsWith('(omdøbt)'))).toHaveLength(ids.length);
    expect((await names(storage)).filter((name) => name.endsWith('(omdøbt)'))).toHaveLength(ids.length);
  });
});
