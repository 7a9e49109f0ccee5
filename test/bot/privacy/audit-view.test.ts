import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEV_USER_HEADER } from '../../../bot/tab/tab-identity';
import type { AuditPage } from '../../../domain/privacy/audit-view';
import { startBot, type RunningBot } from '../support/bot-harness';
import { aPerson } from '../support/teams-activities';
import { aForum, anAuditEvent } from '../../storage/storage.mothers';
import { openTestStorage, type TestStorage } from '../../storage/storage-kit';

const admin = aPerson('Databeskyttelse Dorthe');
const chair = aPerson('Formand Fie');
const member = aPerson('Medlem Mads');
const analyst = aPerson('Analytiker Ane');
let t: TestStorage;
let bot: RunningBot;
const ids = { ordinary: '', sensitive: '' };

beforeAll(async () => {
  t = openTestStorage();
  bot = await startBot(t.storage, { admins: [admin.aadObjectId] });
  const ordinary = await t.storage.fora.save(aForum({ name: 'SSP-netværk' }));
  const sensitive = await t.storage.fora.save(aForum({ name: 'Infohus', sensitive: true }));
  ids.ordinary = ordinary.id;
  ids.sensitive = sensitive.id;
  await t.storage.members.save(ordinary.id, { userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] });
  await t.storage.members.save(ordinary.id, { userId: member.aadObjectId, displayName: member.name, roles: ['member'] });
  await t.storage.members.save(sensitive.id, { userId: analyst.aadObjectId, displayName: analyst.name, roles: ['chair'] });
  // 60 events by the member over March, 5 by the chair on 10 March, one in Infohus.
  for (let i = 0; i < 60; i += 1) {
    await t.storage.audit.append(anAuditEvent(ordinary.id, { actorId: member.aadObjectId, action: i % 2 === 0 ? 'agenda.input' : 'actions.update', at: new Date(Date.UTC(2026, 2, 1 + (i % 28), 9, i)).toISOString() }));
  }
  for (let i = 0; i < 5; i += 1) await t.storage.audit.append(anAuditEvent(ordinary.id, { actorId: chair.aadObjectId, action: 'agenda.publish', at: `2026-03-10T1${i}:00:00.000Z` }));
  await t.storage.audit.append(anAuditEvent(sensitive.id, { actorId: analyst.aadObjectId, action: 'escalation.raise', subject: 'Forseglet Infohus-sag' }));
});
afterAll(async () => {
  await bot?.close();
  await t?.storage.dropAll();
});

const get = async (who: { aadObjectId: string }, forumId: string, query = ''): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${bot.baseUrl}/api/tab/forum/${encodeURIComponent(forumId)}/audit${query}`, { headers: { [DEV_USER_HEADER]: who.aadObjectId } });
  return { status: response.status, body: (await response.json()) as unknown };
};

describe('the audit in the tab', () => {
  test('given a chair then they page through their forum\'s audit, newest first, and filter by person, kind and date', async () => {
    const first = await get(chair, ids.ordinary);
    expect(first.status).toBe(200);
    const page1 = first.body as AuditPage;
    expect([page1.total, page1.pages, page1.events.length]).toEqual([65, 2, 50]);
    expect(page1.events.map((e) => e.at)).toEqual([...page1.events.map((e) => e.at)].sort().reverse());
    const page2 = (await get(chair, ids.ordinary, '?page=2')).body as AuditPage;
    expect(page2.events).toHaveLength(15);
    expect(new Set([...page1.events, ...page2.events].map((e) => e.id)).size).toBe(65);

    const byChair = (await get(chair, ids.ordinary, `?actor=${chair.aadObjectId}`)).body as AuditPage;
    expect(byChair.events.map((e) => e.action)).toEqual(Array(5).fill('agenda.publish'));
    const inputs = (await get(chair, ids.ordinary, '?action=agenda.input')).body as AuditPage;
    expect(inputs.total).toBe(30);
    const agenda = (await get(chair, ids.ordinary, '?action=agenda')).body as AuditPage;
    expect(agenda.total).toBe(35);
    const tenth = (await get(chair, ids.ordinary, '?from=2026-03-10&to=2026-03-10')).body as AuditPage;
    expect(tenth.events.every((e) => e.at.startsWith('2026-03-10'))).toBe(true);
    expect(tenth.total).toBe(5 + 2);
    expect((await get(chair, ids.ordinary, '?from=10-03-2026')).status).toBe(400);
  });

  test('given a member who is no chair, or an outsider, then the audit is refused; an administrator sees an ordinary forum but not a sensitive one they are not in', async () => {
    expect((await get(member, ids.ordinary)).status).toBe(403);
    expect((await get(analyst, ids.ordinary)).status).toBe(403);
    expect((await get(admin, ids.ordinary)).status).toBe(200);
    const sealed = await get(admin, ids.sensitive);
    expect(sealed.status).toBe(403);
    expect(JSON.stringify(sealed.body)).not.toContain('Forseglet');
    expect((await get(chair, ids.sensitive)).status).toBe(403);
    expect(((await get(analyst, ids.sensitive)).body as AuditPage).events.map((e) => e.subject)).toEqual(['Forseglet Infohus-sag']);
  });

  test('given the audit tab without a forum then each person is offered exactly the fora whose audit they may read', async () => {
    const fora = async (who: { aadObjectId: string }): Promise<string[]> => {
      const response = await fetch(`${bot.baseUrl}/api/tab/audit/fora`, { headers: { [DEV_USER_HEADER]: who.aadObjectId } });
      expect(response.status).toBe(200);
      return ((await response.json()) as { fora: { id: string }[] }).fora.map((f) => f.id);
    };
    expect(await fora(chair)).toEqual([ids.ordinary]);
    expect(await fora(member)).toEqual([]);
    expect(await fora(analyst)).toEqual([ids.sensitive]);
    // An administrator: every ordinary forum, not the sealed one they are not in.
    const adminSees = await fora(admin);
    expect(adminSees).toContain(ids.ordinary);
    expect(adminSees).not.toContain(ids.sensitive);
    expect((await fetch(`${bot.baseUrl}/api/tab/audit/fora`)).status).toBe(401);
  });
});
