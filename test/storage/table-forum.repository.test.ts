import { afterAll, describe, expect, test } from 'vitest';
import type { EscalationDeadlineSettings } from '../../domain/escalations/escalation-deadline-settings';
import { escapeKey } from '../../storage/table-keys';
import { aForum } from './storage.mothers';
import { openTestStorage } from './storage-kit';

const { storage, raw } = openTestStorage();
afterAll(() => storage.dropAll());

const deadlines: EscalationDeadlineSettings = {
  remindAfterHours: { low: 72, normal: 24, high: 2 },
  escalateAfterHours: { low: 240, normal: 72, high: 8 },
  autoEscalate: false,
};

describe('fora: settings stored as JSON text', () => {
  test('given a forum with its own escalation deadlines then they are one text property and read back equal, also after an update', async () => {
    const saved = await storage.fora.save(aForum({ escalationDeadlines: deadlines }));
    const row = await raw('fora').getEntity(escapeKey('forum'), escapeKey(saved.id));
    expect(typeof row['escalationDeadlines']).toBe('string');
    expect(JSON.parse(String(row['escalationDeadlines']))).toEqual(deadlines);

    const found = await storage.fora.findById(saved.id);
    expect(found?.escalationDeadlines).toEqual(deadlines);
    const renamed = await storage.fora.update(saved.id, (f) => ({ ...f, name: 'SSP-NU o18' }));
    expect((await storage.fora.findById(saved.id))?.escalationDeadlines).toEqual(deadlines);
    expect(renamed.escalationDeadlines).toEqual(deadlines);
  });

  test('given a forum without escalation deadlines then none is stored and none comes back', async () => {
    const saved = await storage.fora.save(aForum());
    expect(await raw('fora').getEntity(escapeKey('forum'), escapeKey(saved.id))).not.toHaveProperty('escalationDeadlines');
    expect((await storage.fora.findById(saved.id))?.escalationDeadlines).toBeUndefined();
  });
});

describe('fora: several by id in one query', () => {
  test('given 20 fora asked for by id (one of them gone, one twice) then the 19 that exist come back in the order asked (more ids than the 14 of one query)', async () => {
    const saved = await Promise.all(Array.from({ length: 19 }, (_, i) => storage.fora.save(aForum({ name: `Mange ${i}` }))));
    const asked = [...saved.map((f) => f.id).reverse(), 'forum-that-never-was', saved[3]!.id];
    const found = await storage.fora.findMany(asked);
    expect(found.map((f) => f.id)).toEqual(saved.map((f) => f.id).reverse());
    expect(found.every((f) => f.version !== undefined)).toBe(true);
    expect(await storage.fora.findMany([])).toEqual([]);
  });
});

describe('fora: several at once', () => {
  test('given 30 fora asked for with an unknown id and one twice then each existing one comes back once', async () => {
    const saved = await Promise.all(Array.from({ length: 30 }, (_, i) => storage.fora.save(aForum({ name: `Mange ${i}` }))));
    const ids = [...saved.map((f) => f.id), 'forum-unknown', saved[0]!.id];
    const found = await storage.fora.findMany(ids);
    expect(found.map((f) => f.id).sort()).toEqual(saved.map((f) => f.id).sort());
    expect(found.find((f) => f.id === saved[3]!.id)).toEqual(saved[3]);
    expect(await storage.fora.findMany([])).toEqual([]);
  });
});
