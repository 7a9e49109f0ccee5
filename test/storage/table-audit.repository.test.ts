import { afterAll, describe, expect, test } from 'vitest';
import { AlreadyExistsError } from '../../domain/shared/repository-errors';
import { anAuditEvent } from './storage.mothers';
import { openTestStorage, uniqueId } from './storage-kit';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

describe('audit', () => {
  test('given events written out of order then the forum lists them newest first, and a limit gives the newest', async () => {
    const forumId = uniqueId('forum');
    const times = ['2026-03-02T10:00:00.000Z', '2026-01-15T08:30:00.000Z', '2026-03-02T10:00:00.001Z', '2025-12-31T23:59:59.999Z'];
    const events = times.map((at) => anAuditEvent(forumId, { at }));
    for (const event of events) await storage.audit.append(event);
    await storage.audit.append(anAuditEvent(`${forumId}-other`));
    const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at));
    expect(await storage.audit.listByForum(forumId)).toEqual(newestFirst);
    expect(await storage.audit.listByForum(forumId, 2)).toEqual(newestFirst.slice(0, 2));
    expect(await storage.audit.listByForum(forumId, 0)).toEqual([]);
  });

  test('given an event appended twice then the second gives AlreadyExistsError and one is kept', async () => {
    const forumId = uniqueId('forum');
    const event = anAuditEvent(forumId, { actorId: undefined, before: '{"name":"SSP-NU"}', after: '{"name":"SSP-NU u18"}' });
    await storage.audit.append(event);
    await expect(storage.audit.append(event)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await storage.audit.listByForum(forumId)).toEqual([event]);
  });
});
