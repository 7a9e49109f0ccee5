import { odata } from '@azure/data-tables';
import { afterAll, describe, expect, test } from 'vitest';
import { escapeKey } from '../../storage/table-keys';
import { listAll, listUpTo } from '../../storage/table-query';
import { anAgendaInput } from './storage.mothers';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage, raw } = openTestStorage();
afterAll(() => storage.dropAll());

describe('paging', () => {
  test('given 1,100 inputs in one partition then listing follows continuation tokens and returns every one', async () => {
    const agendaId = uniqueId('agenda');
    // 11 authors × 100 items, written as 11 transactions (one per author's answer).
    const authors = Array.from({ length: 11 }, (_, a) => `author-${String(a).padStart(2, '0')}`);
    for (const authorId of authors) {
      const answer = Array.from({ length: 100 }, (_, i) => anAgendaInput(agendaId, authorId, { itemId: `item-${String(i).padStart(3, '0')}` }));
      await storage.agendaInputs.replaceAnswer(agendaId, authorId, answer);
    }
    const all = await storage.agendaInputs.listByAgenda(agendaId);
    expect(all).toHaveLength(1100);
    expect(new Set(all.map((i) => `${i.authorId}/${i.itemId}`)).size).toBe(1100);
    expect(await storage.agendaInputs.listByAuthor(agendaId, 'author-10')).toHaveLength(100);

    // A limit beyond one page stops in the second page, keeping key order.
    const filter = odata`PartitionKey eq ${escapeKey(agendaId)}`;
    const everything = await listAll(raw('agendainputs'), filter);
    const first1050 = await listUpTo(raw('agendainputs'), filter, 1050);
    expect(first1050.map((row) => row.rowKey)).toEqual(everything.slice(0, 1050).map((row) => row.rowKey));
  });
});
