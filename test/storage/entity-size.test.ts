import { afterAll, describe, expect, test } from 'vitest';
import { TooLargeError } from '../../domain/shared/repository-errors';
import { assertEntityFits, entityBytes } from '../../storage/entity-size';
import { aForum, anAgenda, anAgendaItem, anAuditEvent, anEscalation } from './storage.mothers';
import { openTestStorage } from './storage-kit';

const tooLarge = (over: Record<string, unknown>) => expect.objectContaining({ name: 'TooLargeError', context: expect.objectContaining(over) });

describe('entity size by the service formula', () => {
  test('given an entity then its size is 4 + keys×2 + per property 8 + name×2 + value', () => {
    // 4 + (1+2)×2 + [8 + 1×2 + (4 + 3×2)] + [8 + 1×2 + 8] + [8 + 1×2 + 1] = 4 + 6 + 20 + 18 + 11
    expect(entityBytes({ partitionKey: 'p', rowKey: 'rk', s: 'abc', n: 7, b: true, etag: 'ignored' })).toBe(59);
  });

  test('given a string of 32,768 characters then it fits; one more and it is refused naming the property', () => {
    expect(() => assertEntityFits('fora', { partitionKey: 'p', rowKey: 'r', text: 'x'.repeat(32_768) })).not.toThrow();
    expect(() => assertEntityFits('fora', { partitionKey: 'p', rowKey: 'r', text: 'x'.repeat(32_769) })).toThrow(
      tooLarge({ table: 'fora', property: 'text', bytes: 65_538, limit: 65_536 }),
    );
  });

  test('given properties each under 64 KiB but together over 1 MiB then the entity is refused', () => {
    const entity: Record<string, unknown> = { partitionKey: 'p', rowKey: 'r' };
    for (let i = 0; i < 17; i++) entity[`part${i}`] = 'x'.repeat(32_000);
    expect(() => assertEntityFits('agendas', entity)).toThrow(tooLarge({ table: 'agendas', limit: 1_048_576 }));
  });

  test('given 252 custom properties then it fits; 253 are refused', () => {
    const entity: Record<string, unknown> = { partitionKey: 'p', rowKey: 'r', timestamp: 't', etag: 'e' };
    for (let i = 0; i < 252; i++) entity[`p${i}`] = i;
    expect(() => assertEntityFits('fora', entity)).not.toThrow();
    entity['p252'] = 1;
    expect(() => assertEntityFits('fora', entity)).toThrow(tooLarge({ limit: 252, bytes: 253 }));
  });
});

describe('size limits against Azurite', () => {
  const { storage } = openTestStorage();
  afterAll(() => storage.dropAll());

  test('given a forum with a 40,000-character description then TooLargeError names description and nothing is written', async () => {
    const forum = aForum({ description: 'ø'.repeat(40_000) });
    const error = await storage.fora.save(forum).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect(error).toEqual(tooLarge({ table: 'fora', property: 'description', bytes: 80_000, limit: 65_536 }));
    expect(await storage.fora.findById(forum.id)).toBeUndefined();
  });

  test('given an update that makes a description too long then it is refused and the stored forum is unchanged', async () => {
    const saved = await storage.fora.save(aForum({ description: 'kort' }));
    await expect(storage.fora.update(saved.id, (f) => ({ ...f, description: 'x'.repeat(40_000) }))).rejects.toThrow(tooLarge({ property: 'description' }));
    expect(await storage.fora.findById(saved.id)).toEqual(saved);
  });

  test('given an agenda whose items each fit but together exceed 1 MiB then it is refused and nothing is written', async () => {
    // 100 items of 6,000 characters: each row ~12 KB, the agenda ~1.2 MB.
    const items = Array.from({ length: 100 }, (_, i) => anAgendaItem({ id: `item-${i}`, description: 'æ'.repeat(6_000) }));
    const agenda = anAgenda('ssp-nu-u18', { items });
    await expect(storage.agendas.save(agenda)).rejects.toThrow(tooLarge({ table: 'agendas', property: 'items', limit: 1_048_576 }));
    expect(await storage.agendas.findById(agenda.forumId, agenda.id)).toBeUndefined();
    expect(await storage.agendas.listByForum(agenda.forumId)).toEqual([]);
  });

  test('given an agenda of 100 items of 2,000 characters then it is stored whole', async () => {
    const items = Array.from({ length: 100 }, (_, i) => anAgendaItem({ id: `item-${i}`, description: 'å'.repeat(2_000) }));
    const saved = await storage.agendas.save(anAgenda('ssp-nu-o18', { items }));
    expect((await storage.agendas.findById(saved.forumId, saved.id))?.items).toEqual(items);
  });

  test('given an audit event with 30,000 characters before and after then it is stored whole', async () => {
    const event = anAuditEvent('kredsraad', { before: 'b'.repeat(30_000), after: 'a'.repeat(30_000) });
    await storage.audit.append(event);
    expect(await storage.audit.listByForum('kredsraad')).toEqual([event]);
  });

  test('given an audit event whose after-text exceeds 64 KiB then TooLargeError names after and nothing is written', async () => {
    const event = anAuditEvent('lokalraad', { after: 'x'.repeat(33_000) });
    await expect(storage.audit.append(event)).rejects.toThrow(tooLarge({ table: 'audit', property: 'after' }));
    expect(await storage.audit.listByForum('lokalraad')).toEqual([]);
  });

  test('given an escalation with a description over 64 KiB then it is refused and not created', async () => {
    const { escalation, firstStep } = anEscalation('ssp-netvaerk', { description: 'x'.repeat(33_000) });
    await expect(storage.escalations.create(escalation, firstStep)).rejects.toThrow(tooLarge({ table: 'escalations', property: 'description' }));
    expect(await storage.escalations.findById(escalation.id)).toBeUndefined();
    expect(await storage.escalations.listByOriginForum('ssp-netvaerk')).toEqual([]);
  });
});
