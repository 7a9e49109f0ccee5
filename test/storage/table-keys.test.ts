import { afterAll, describe, expect, test } from 'vitest';
import { TooLargeError } from '../../domain/shared/repository-errors';
import { checkKey, escapeKey, unescapeKey } from '../../storage/table-keys';
import { aForum, aMember, anActionItem, anAgenda, anAgendaInput } from './storage.mothers';
import { openTestStorage } from './storage-kit';

const AWKWARD = ['Kredsråd/Vestegn', 'SSP-NU u18 #2', '?', '\\', '%', '100%', "'", "O'Brien", 'tab\there', 'a~b', 'Æblevej 5 ø/å', 'nul\u0000og\u0085', '%2F'];
// Keys may not hold these (Azure Table service rules), nor our escape and separator characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[/\\#?\u0000-\u001f\u007f-\u009f'~]/;

describe('escapeKey', () => {
  test.each(AWKWARD)('given %j then the escaped key holds no forbidden character and decodes back', (name) => {
    const key = escapeKey(name);
    expect(key).not.toMatch(FORBIDDEN);
    expect(unescapeKey(key)).toBe(name);
  });

  test('given Danish letters then they stay as they are', () => {
    expect(escapeKey('Kredsråd Ærø Østerbro')).toBe('Kredsråd Ærø Østerbro');
  });

  test('given two different names then their keys differ', () => {
    const keys = new Set(AWKWARD.map(escapeKey));
    expect(keys.size).toBe(AWKWARD.length);
  });

  test('given a key over 1 KiB or an empty key then TooLargeError naming the key', () => {
    expect(checkKey('fora', 'RowKey', 'x'.repeat(512))).toHaveLength(512);
    expect(() => checkKey('fora', 'RowKey', 'x'.repeat(513))).toThrow(TooLargeError);
    expect(() => checkKey('fora', 'PartitionKey', '')).toThrow(expect.objectContaining({ context: expect.objectContaining({ property: 'PartitionKey' }) }));
  });
});

describe('awkward names against Azurite', () => {
  const { storage } = openTestStorage();
  afterAll(() => storage.dropAll());

  test('given fora whose ids hold / \\ # ? % \' ~ and control characters then each round-trips through save, find, list, update and delete', async () => {
    for (const id of AWKWARD) await storage.fora.save(aForum({ id, name: id.trim() === '' ? 'x' : id.slice(0, 100) }));
    const listed = (await storage.fora.list()).map((f) => f.id);
    expect(listed.sort()).toEqual([...AWKWARD].sort());
    for (const id of AWKWARD) {
      expect((await storage.fora.findById(id))?.id).toBe(id);
      await storage.fora.update(id, (f) => ({ ...f, description: `opdateret ${id}` }));
      expect((await storage.fora.findById(id))?.description).toBe(`opdateret ${id}`);
    }
    await storage.fora.delete('Kredsråd/Vestegn');
    expect(await storage.fora.findById('Kredsråd/Vestegn')).toBeUndefined();
    expect((await storage.fora.findById('SSP-NU u18 #2'))?.id).toBe('SSP-NU u18 #2');
  });

  test('given forum ids that share a prefix then a forum-scoped list never mixes them', async () => {
    await storage.actionItems.save(anActionItem('Kredsråd/Vestegn', { id: 'a1' }));
    await storage.actionItems.save(anActionItem('Kredsråd', { id: 'a2' }));
    await storage.actionItems.save(anActionItem('Kredsråd/Vestegn/2', { id: 'a3' }));
    expect((await storage.actionItems.listByForum('Kredsråd/Vestegn')).map((a) => a.id)).toEqual(['a1']);
  });

  test('given a member and a forum with awkward ids then the membership index finds the forum', async () => {
    const member = aMember({ userId: "O'Brien/ext#1", roles: ['chair', 'secretary'] });
    await storage.members.save('SSP-NU u18 #2', member);
    await storage.members.save('?', { ...member, roles: ['member'] });
    expect(await storage.members.find('SSP-NU u18 #2', "O'Brien/ext#1")).toEqual(member);
    const memberships = await storage.members.listMembershipsOfUser("O'Brien/ext#1");
    expect(memberships.sort((x, y) => x.forumId.localeCompare(y.forumId))).toEqual([
      { forumId: '?', roles: ['member'] },
      { forumId: 'SSP-NU u18 #2', roles: ['chair', 'secretary'] },
    ]);
  });

  test('given authors "a" and "a~b" then each sees only their own agenda input', async () => {
    const agenda = await storage.agendas.save(anAgenda('Kredsråd/Vestegn', { id: 'dagsorden/1' }));
    const item = agenda.items[0]!.id;
    await storage.agendaInputs.replaceAnswer(agenda.id, 'a', [anAgendaInput(agenda.id, 'a', { itemId: item, text: 'fra a' })]);
    await storage.agendaInputs.replaceAnswer(agenda.id, 'a~b', [anAgendaInput(agenda.id, 'a~b', { itemId: item, text: 'fra a~b' })]);
    expect((await storage.agendaInputs.listByAuthor(agenda.id, 'a')).map((i) => i.text)).toEqual(['fra a']);
    expect((await storage.agendaInputs.listByAuthor(agenda.id, 'a~b')).map((i) => i.text)).toEqual(['fra a~b']);
    expect((await storage.agendas.findById('Kredsråd/Vestegn', 'dagsorden/1'))?.items).toEqual(agenda.items);
  });
});
