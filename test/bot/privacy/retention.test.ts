import { afterAll, describe, expect, test } from 'vitest';
import type { RetentionEntry } from '../../../bot/privacy/retention-plan';
import { RETENTION_JOB, retentionDryRun, runRetention, SYSTEM_AUDIT } from '../../../bot/privacy/retention.service';
import type { Storage } from '../../../storage';
import { openTestStorage, type TestStorage } from '../../storage/storage-kit';
import { emptyExpectation, JUDGED_AT, seedForum, seedOutbox, servicesOn, type Expectation } from './retention-seed';

const opened: TestStorage[] = [];
afterAll(() => Promise.all(opened.map((t) => t.storage.dropAll())));

const DAY = 24 * 3_600_000;


async function seeded(fora = 2): Promise<{ storage: Storage; expectation: Expectation }> {
  const t = openTestStorage();
  opened.push(t);
  const expectation = emptyExpectation();
  for (let i = 0; i < fora; i += 1) await seedForum(t.storage, expectation, i === 1 ? { agendaInputMonths: 12, auditYears: 10 } : undefined);
  await seedOutbox(t.storage, expectation);
  return { storage: t.storage, expectation };
}

const keysOf = (entries: readonly RetentionEntry[], kind: RetentionEntry['kind']): string[] => entries.filter((e) => e.kind === kind).flatMap((e) => e.keys).sort();
const sorted = (values: string[]): string[] => [...values].sort();

/** What is still stored of what the seed wrote. */
async function stillThere(storage: Storage, expectation: Expectation) {
  const fora = await storage.fora.list();
  const agendaIds = expectation.kept.agendas;
  const inputs = (await Promise.all(agendaIds.map((id) => storage.agendaInputs.listByAgenda(id)))).flat().map((i) => `${i.agendaId}/${i.authorId}/${i.itemId ?? '-'}`);
  const items = (await Promise.all(fora.map((f) => storage.actionItems.listByForum(f.id)))).flat().map((i) => i.id);
  const cases = (await Promise.all(fora.map((f) => storage.escalations.listByOriginForum(f.id)))).flat().map((c) => c.id);
  const audit = (await Promise.all(fora.map((f) => storage.audit.listByForum(f.id)))).flat().map((e) => e.id);
  const ids = [...expectation.gone.outbox, ...expectation.kept.outbox];
  const outbox = (await Promise.all(ids.map((id) => storage.outbox.findById(id)))).flatMap((m) => (m === undefined ? [] : [m.id]));
  const agendas = (await Promise.all(fora.map((f) => storage.agendas.listByForum(f.id)))).flat().map((a) => a.id);
  return { inputs, items, cases, audit, outbox, agendas };
}

function expectOnlyExpiredGone(left: Awaited<ReturnType<typeof stillThere>>, expectation: Expectation): void {
  for (const kind of ['items', 'cases', 'audit', 'outbox'] as const) {
    expect(left[kind].filter((id) => expectation.gone[kind].includes(id))).toEqual([]);
    expect(expectation.kept[kind].filter((id) => !left[kind].includes(id))).toEqual([]);
  }
  expect(left.inputs.filter((key) => expectation.gone.inputs.includes(key))).toEqual([]);
  expect(left.inputs).toHaveLength(expectation.kept.agendas.length * 2 - expectation.gone.inputs.length);
  expect(sorted(left.agendas)).toEqual(sorted(expectation.kept.agendas));
}

describe('the retention job', { timeout: 60_000 }, () => {
  test('given a first run then it only reports (a dry run in the audit); a day later the pass deletes exactly what expired and what the dry run listed, counted in the audit', async () => {
    const { storage, expectation } = await seeded();
    const at = { now: JUDGED_AT };
    const services = servicesOn(storage, at);

    const first = await runRetention(services, at.now);
    expect(first.outcome).toBe('dryRun');
    expect(keysOf(first.entries, 'actionItems')).toEqual(sorted(expectation.gone.items));
    const untouched = await stillThere(storage, expectation);
    expect(untouched.items).toHaveLength(expectation.gone.items.length + expectation.kept.items.length);
    const [dryRunEvent] = await storage.audit.listByForum(SYSTEM_AUDIT);
    expect(dryRunEvent?.action).toBe('retention.dryRun');
    expect(JSON.parse(dryRunEvent?.after ?? '{}')).toEqual({ agendaInputs: 6, actionItems: 2, cases: 2, audit: 1, outbox: 2 });

    // Later that day: nothing more.
    at.now = new Date(JUDGED_AT.getTime() + 3_600_000);
    expect((await runRetention(services, at.now)).outcome).toBe('idle');

    at.now = new Date(JUDGED_AT.getTime() + DAY);
    const planned = await retentionDryRun(services, at.now);
    const run = await runRetention(services, at.now);
    expect(run.outcome).toBe('finished');
    for (const kind of ['agendaInputs', 'actionItems', 'cases', 'audit', 'outbox'] as const) expect(keysOf(run.entries, kind)).toEqual(keysOf(planned, kind));
    expect(keysOf(run.entries, 'agendaInputs')).toEqual(sorted(expectation.gone.inputs));
    expect(keysOf(run.entries, 'cases')).toEqual(sorted(expectation.gone.cases));
    expect(keysOf(run.entries, 'audit')).toEqual(sorted(expectation.gone.audit));
    expect(keysOf(run.entries, 'outbox')).toEqual(sorted(expectation.gone.outbox));

    expectOnlyExpiredGone(await stillThere(storage, expectation), expectation);
    // A case goes with its history; the outbox's index rows go with the message.
    expect(await storage.escalations.history(expectation.gone.cases[0]!)).toEqual([]);
    expect((await storage.outbox.listByCauser('user-1')).map((m) => m.id).sort()).toEqual(sorted(expectation.kept.outbox));

    // Counts (not contents) per forum in its own audit, the outbox's in the system audit.
    const fora = await storage.fora.list();
    const counted = await Promise.all(fora.map(async (f) => (await storage.audit.listByForum(f.id)).filter((e) => e.action === 'retention.deleted')));
    expect(counted.map((events) => events.length)).toEqual([1, 1]);
    const total = counted.flat().reduce((sum, e) => sum + Object.values(JSON.parse(e.after ?? '{}') as Record<string, number>).reduce((a, b) => a + b, 0), 0);
    expect(total).toBe(expectation.gone.inputs.length + expectation.gone.items.length + expectation.gone.cases.length + expectation.gone.audit.length);
    expect(counted.flat().every((e) => e.before === undefined && !(e.after ?? '').includes('Uro ved stationen'))).toBe(true);
    const system = await storage.audit.listByForum(SYSTEM_AUDIT);
    expect(JSON.parse(system.find((e) => e.action === 'retention.deleted')?.after ?? '{}')).toMatchObject({ outbox: 2 });

    // Run again the same day: nothing left to do, and a new pass the next day finds nothing expired.
    expect((await runRetention(services, at.now)).outcome).toBe('idle');
    at.now = new Date(at.now.getTime() + DAY);
    expect((await runRetention(services, at.now)).entries).toEqual([]);
  });

  test.each([1, 3])('given a budget of %i rows per run then the pass goes on over several runs, never over budget (but for one agenda\'s inputs alone), and deletes in all what the dry run listed', async (budget) => {
    const { storage, expectation } = await seeded(3);
    const at = { now: JUDGED_AT };
    const services = servicesOn(storage, at);
    await storage.jobState.save(RETENTION_JOB, { passStartedAt: '2029-01-01T00:00:00.000Z', foraDone: true, finishedAt: '2029-01-01T00:00:00.000Z' });
    const planned = await retentionDryRun(services, at.now);

    const runs = [];
    for (let i = 0; i < 60; i += 1) {
      const run = await runRetention(services, at.now, budget);
      runs.push(run);
      if (run.outcome !== 'partial') break;
    }
    expect(runs.at(-1)?.outcome).toBe('finished');
    expect(runs.length).toBeGreaterThan(4);
    const overBudget = runs.filter((run) => run.entries.reduce((sum, e) => sum + e.keys.length, 0) > budget);
    // Only a run that took one agenda's inputs and nothing else may go over (an agenda's inputs go together).
    expect(overBudget.filter((run) => !(run.entries.length === 1 && run.entries[0]!.kind === 'agendaInputs' && new Set(run.entries[0]!.keys.map((k) => k.split('/')[0])).size === 1))).toEqual([]);
    const deleted = runs.flatMap((run) => run.entries);
    for (const kind of ['agendaInputs', 'actionItems', 'cases', 'audit', 'outbox'] as const) expect(keysOf(deleted, kind)).toEqual(keysOf(planned, kind));
    expectOnlyExpiredGone(await stillThere(storage, expectation), expectation);
  });

  test('given the instance dies in the middle of a forum then the next run resumes from the stored cursor (finished fora are not read again) and the pass completes', async () => {
    const { storage, expectation } = await seeded(3);
    const at = { now: JUDGED_AT };
    const services = servicesOn(storage, at);
    await storage.jobState.save(RETENTION_JOB, { passStartedAt: '2029-01-01T00:00:00.000Z', foraDone: true, finishedAt: '2029-01-01T00:00:00.000Z' });
    const fora = (await storage.fora.list()).map((f) => f.id).sort();

    // The second forum's action item delete never returns: the process is gone.
    const dying = {
      ...services,
      actionItems: {
        ...services.actionItems,
        delete: async (forumId: string, id: string) => {
          if (forumId === fora[1]) throw new Error('killed');
          await services.actionItems.delete(forumId, id);
        },
      },
    };
    await expect(runRetention(dying, at.now)).rejects.toThrow('killed');
    expect(await storage.jobState.find(RETENTION_JOB)).toMatchObject({ afterForumId: fora[0], passStartedAt: JUDGED_AT.toISOString() });

    const read: string[] = [];
    const watching = { ...services, agendas: { ...services.agendas, listByForum: (forumId: string) => (read.push(forumId), services.agendas.listByForum(forumId)) } };
    at.now = new Date(JUDGED_AT.getTime() + 3_600_000);
    const resumed = await runRetention(watching, at.now);
    expect(resumed.outcome).toBe('finished');
    expect(read.sort()).toEqual(fora.slice(1));
    expectOnlyExpiredGone(await stillThere(storage, expectation), expectation);
  });
});
