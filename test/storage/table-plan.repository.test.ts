import { afterAll, describe, expect, test } from 'vitest';
import { PlanRecord, type PlanVersion } from '../../domain/plan/plan';
import { approve, sendForApproval } from '../../domain/plan/plan.rules';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from '../../domain/shared/repository-errors';
import { initiative2017, PLAN_2017 } from '../domain/plan/plan-2017';
import { openTestStorage } from './storage-kit';

const { storage, raw } = openTestStorage();
afterAll(() => storage.dropAll());

const AT = new Date('2026-03-01T10:00:00Z');

describe('the plan and its initiatives on Table storage', () => {
  test('given every 2017 initiative saved then they read back equal, with a version, and a stale write is refused', async () => {
    const saved = await Promise.all(PLAN_2017.map((_, i) => storage.initiatives.save(initiative2017(i, { ...(i === 3 ? { caseIds: ['c1'], actionItemIds: ['a1', 'a2'] } : {}) }))));
    const listed = await storage.initiatives.list();
    expect(listed).toHaveLength(PLAN_2017.length);
    const back = await storage.initiatives.findById('i3');
    expect(back).toEqual(saved[3]);
    expect(back?.ages).toEqual({ from: 0, to: 30 });
    const first = await storage.initiatives.save({ ...back!, status: 'on_hold' });
    await expect(storage.initiatives.save({ ...back!, status: 'ended' })).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await storage.initiatives.findById('i3'))?.status).toBe(first.status);
  });

  test('given changes appended to an initiative\'s history then they read back oldest first', async () => {
    await storage.initiatives.appendHistory({ initiativeId: 'h1', at: '2026-01-02T10:00:00.000Z', actorId: 'u1', kind: 'created', fields: [] });
    await storage.initiatives.appendHistory({ initiativeId: 'h1', at: '2026-02-02T10:00:00.000Z', actorId: 'u1', kind: 'status', fields: ['status'], fromStatus: 'running', toStatus: 'on_hold' });
    await storage.initiatives.appendHistory({ initiativeId: 'h2', at: '2026-01-01T10:00:00.000Z', kind: 'created', fields: [] });
    const history = await storage.initiatives.history('h1');
    expect(history.map((h) => h.kind)).toEqual(['created', 'status']);
    expect(history[1]).toMatchObject({ fromStatus: 'running', toStatus: 'on_hold', fields: ['status'] });
  });

  test('given a plan sent and approved then the record and the frozen version read back; a version is written once', async () => {
    expect(await storage.plans.find()).toBeUndefined();
    const created = await storage.plans.save(PlanRecord.parse({ ownerForumId: 'koordinationsgruppen', steeringForumId: 'lokalraad', basis: 'Grundlag '.repeat(880).trim(), strategy: 'Strategi '.repeat(880).trim() }));
    const content = { basis: created.basis, strategy: created.strategy, organisation: [], initiatives: PLAN_2017.map((_, i) => initiative2017(i, { purpose: 'Formål '.repeat(280).trim() })) };
    const sent = await storage.plans.update((current) => sendForApproval(current, content, 'u1', AT));
    expect((await storage.plans.find())?.pending?.initiatives).toHaveLength(PLAN_2017.length);
    let version: PlanVersion | undefined;
    await storage.plans.update((current) => {
      const result = approve(current, 'u2', AT);
      version = result.version;
      return result.record;
    });
    await storage.plans.addVersion(version!);
    await expect(storage.plans.addVersion(version!)).rejects.toBeInstanceOf(AlreadyExistsError);
    const read = await storage.plans.findVersion(1);
    expect(read).toEqual(version);
    // More than one string property holds (64 KiB): the content is spread over several.
    expect(JSON.stringify(read?.content).length).toBeGreaterThan(30_000);
    const record = await storage.plans.find();
    expect(record).toMatchObject({ state: 'approved', approvedVersion: 1, adjustments: [], reminderMonth: 1 });
    expect(record?.pending).toBeUndefined();
    await expect(storage.plans.save(sent)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await storage.plans.findVersion(2)).toBeUndefined();
  });

  test('given history lines of several people then one person\'s read back across initiatives, and replacing their actor leaves the others\' and the lines themselves', async () => {
    await storage.initiatives.appendHistory({ initiativeId: 'p1', at: '2026-01-02T10:00:00.000Z', actorId: 'leaver', kind: 'created', fields: [] });
    await storage.initiatives.appendHistory({ initiativeId: 'p2', at: '2026-01-03T10:00:00.000Z', actorId: 'leaver', kind: 'edited', fields: ['purpose'] });
    await storage.initiatives.appendHistory({ initiativeId: 'p2', at: '2026-01-04T10:00:00.000Z', actorId: 'stayer', kind: 'edited', fields: ['area'] });
    expect((await storage.initiatives.historyByActor('leaver')).map((h) => [h.initiativeId, h.kind]).sort()).toEqual([['p1', 'created'], ['p2', 'edited']]);
    expect(await storage.initiatives.replaceHistoryActor('leaver', 'former-X')).toBe(2);
    expect(await storage.initiatives.historyByActor('leaver')).toEqual([]);
    expect((await storage.initiatives.history('p2')).map((h) => [h.actorId, h.fields])).toEqual([['former-X', ['purpose']], ['stayer', ['area']]]);
    expect(await storage.initiatives.replaceHistoryActor('nobody', 'former-Y')).toBe(0);
  });

  test('given approved versions then they list oldest first; a version rewritten keeps its number and dates, a shorter content leaves no old parts, a missing one is refused', async () => {
    const content = { basis: 'Grundlag '.repeat(3000).trim(), strategy: 'Strategi', organisation: [], initiatives: PLAN_2017.map((_, i) => initiative2017(i, { purpose: 'Formål '.repeat(280).trim() })) };
    const v = (number: number): PlanVersion => ({ number, content, sentAt: '2026-01-01T10:00:00.000Z', sentBy: 'u1', approvedAt: '2026-01-02T10:00:00.000Z', approvedBy: 'u2' });
    for (const n of [11, 10]) await storage.plans.addVersion(v(n));
    expect((await storage.plans.listVersions()).map((version) => version.number).filter((n) => n >= 10)).toEqual([10, 11]);
    const parts = async (): Promise<number> => Object.keys(await raw('plans').getEntity('version', '000010')).filter((name) => name.startsWith('content_')).length;
    const longParts = await parts();
    const short = { ...v(10), approvedBy: 'former-X', content: { ...content, basis: 'Grundlag', initiatives: [initiative2017(0)] } };
    await storage.plans.replaceVersion(short);
    expect(await parts()).toBeLessThan(longParts);
    expect(await storage.plans.findVersion(10)).toEqual(short);
    expect(await storage.plans.findVersion(11)).toEqual(v(11));
    await expect(storage.plans.replaceVersion(v(12))).rejects.toBeInstanceOf(NotFoundError);
  });
});
