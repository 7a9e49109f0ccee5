import { afterAll, describe, expect, test } from 'vitest';
import { escapeKey } from '../../storage/table-keys';
import { openTestStorage, uniqueId } from './storage-kit';
import { anAgendaInput } from './storage.mothers';

const { storage, raw } = openTestStorage();
afterAll(() => storage.dropAll());

const byItem = (a: { itemId?: string | undefined }, b: { itemId?: string | undefined }): number => (a.itemId ?? '').localeCompare(b.itemId ?? '');

describe('agenda inputs', () => {
  test('given two authors answer then the agenda lists both and each author lists their own', async () => {
    const agendaId = uniqueId('agenda');
    const mine = [anAgendaInput(agendaId, 'anna', { itemId: 'i1', text: 'Om punkt 1' }), anAgendaInput(agendaId, 'anna', { itemId: 'i2', text: 'Om punkt 2' })];
    const theirs = [anAgendaInput(agendaId, 'bo', { noComments: true, text: '' })];
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', mine);
    await storage.agendaInputs.replaceAnswer(agendaId, 'bo', theirs);
    const annas = await storage.agendaInputs.listByAuthor(agendaId, 'anna');
    expect(annas.map(({ version: _v, ...rest }) => rest).sort(byItem)).toEqual(mine);
    expect(annas.every((input) => typeof input.version === 'string')).toBe(true);
    expect((await storage.agendaInputs.listByAgenda(agendaId)).map((i) => `${i.authorId}:${i.itemId ?? '-'}`).sort()).toEqual(['anna:i1', 'anna:i2', 'bo:-']);
    expect(await storage.agendaInputs.listByAgenda(uniqueId('agenda'))).toEqual([]);
  });

  test('given an author replaces their answer then the old rows are gone and the new ones are there', async () => {
    const agendaId = uniqueId('agenda');
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [
      anAgendaInput(agendaId, 'anna', { itemId: 'i1', text: 'gammel 1' }),
      anAgendaInput(agendaId, 'anna', { itemId: 'i2', text: 'gammel 2' }),
    ]);
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [
      anAgendaInput(agendaId, 'anna', { itemId: 'i2', text: 'ny 2' }),
      anAgendaInput(agendaId, 'anna', { itemId: 'i3', text: 'ny 3' }),
    ]);
    expect((await storage.agendaInputs.listByAuthor(agendaId, 'anna')).map((i) => `${i.itemId}:${i.text}`).sort()).toEqual(['i2:ny 2', 'i3:ny 3']);
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [anAgendaInput(agendaId, 'anna', { noComments: true, text: '' })]);
    expect((await storage.agendaInputs.listByAuthor(agendaId, 'anna')).map((i) => i.noComments)).toEqual([true]);
  });

  test('given an author with 100 comments who switches to "no comments" then only that row is left', async () => {
    const agendaId = uniqueId('agenda');
    const comments = Array.from({ length: 100 }, (_, i) => anAgendaInput(agendaId, 'anna', { itemId: `i${String(i).padStart(3, '0')}` }));
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', comments);
    expect(await storage.agendaInputs.listByAuthor(agendaId, 'anna')).toHaveLength(100);
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [anAgendaInput(agendaId, 'anna', { noComments: true, text: '' })]);
    expect((await storage.agendaInputs.listByAuthor(agendaId, 'anna')).map((i) => i.noComments)).toEqual([true]);
  });

  test('given the same author replaces their answer twice at once then one answer stands whole', async () => {
    const agendaId = uniqueId('agenda');
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [anAgendaInput(agendaId, 'anna', { itemId: 'i0' })]);
    const first = ['i1', 'i2'].map((itemId) => anAgendaInput(agendaId, 'anna', { itemId, text: 'første' }));
    const second = ['i3'].map((itemId) => anAgendaInput(agendaId, 'anna', { itemId, text: 'anden' }));
    await Promise.all([storage.agendaInputs.replaceAnswer(agendaId, 'anna', first), storage.agendaInputs.replaceAnswer(agendaId, 'anna', second)]);
    const stored = (await storage.agendaInputs.listByAuthor(agendaId, 'anna')).map((i) => `${i.itemId}:${i.text}`).sort();
    expect([['i1:første', 'i2:første'], ['i3:anden']]).toContainEqual(stored);
  });

  test('given inputs of another author or two for one item then the answer is refused before writing', async () => {
    const agendaId = uniqueId('agenda');
    await expect(storage.agendaInputs.replaceAnswer(agendaId, 'anna', [anAgendaInput(agendaId, 'bo')])).rejects.toThrow(/author/);
    const twice = [anAgendaInput(agendaId, 'anna', { itemId: 'i1' }), anAgendaInput(agendaId, 'anna', { itemId: 'i1' })];
    await expect(storage.agendaInputs.replaceAnswer(agendaId, 'anna', twice)).rejects.toThrow(/one input per item/);
    expect(await storage.agendaInputs.listByAgenda(agendaId)).toEqual([]);
  });

  test('given an agenda with inputs when they are deleted then none are left and other agendas keep theirs', async () => {
    const agendaId = uniqueId('agenda');
    const other = uniqueId('agenda');
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [anAgendaInput(agendaId, 'anna', { itemId: 'i1' })]);
    await storage.agendaInputs.replaceAnswer(agendaId, 'bo', [anAgendaInput(agendaId, 'bo', { itemId: 'i1' })]);
    await storage.agendaInputs.replaceAnswer(other, 'anna', [anAgendaInput(other, 'anna', { itemId: 'i1' })]);
    await storage.agendaInputs.deleteByAgenda(agendaId);
    expect(await storage.agendaInputs.listByAgenda(agendaId)).toEqual([]);
    expect(await storage.agendaInputs.listByAgenda(other)).toHaveLength(1);
  });

  test('given an older answer a racing writer left hidden then listForRemoval gives the newest answers and every row key, and removeRows deletes exactly those rows', async () => {
    const agendaId = uniqueId('agenda');
    await storage.agendaInputs.replaceAnswer(agendaId, 'anna', [anAgendaInput(agendaId, 'anna', { itemId: 'i1', text: 'Nyeste' })]);
    // A row of an older answer (an earlier answer key), as a lost race leaves it: hidden from readers.
    await raw('agendainputs').upsertEntity({ partitionKey: escapeKey(agendaId), rowKey: 'anna~a000000000000000~i2', ...anAgendaInput(agendaId, 'anna', { itemId: 'i2', text: 'Gammel' }), answerKey: 'a000000000000000' });
    const found = await storage.agendaInputs.listForRemoval(agendaId);
    expect(found.inputs.map((i) => i.text)).toEqual(['Nyeste']);
    expect(found.rowKeys).toHaveLength(2);
    await storage.agendaInputs.replaceAnswer(agendaId, 'bo', [anAgendaInput(agendaId, 'bo', { itemId: 'i1' })]);
    await storage.agendaInputs.removeRows(agendaId, found.rowKeys);
    // What was listed is gone; a row written after the listing stays for the next pass.
    expect((await storage.agendaInputs.listForRemoval(agendaId)).inputs.map((i) => i.authorId)).toEqual(['bo']);
    await storage.agendaInputs.removeRows(agendaId, found.rowKeys);
  });
});

