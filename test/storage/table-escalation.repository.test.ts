import { afterAll, describe, expect, test } from 'vitest';
import type { Escalation, EscalationStep } from '../../domain/escalations/escalation';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from '../../domain/shared/repository-errors';
import { escapeKey } from '../../storage/table-keys';
import { meterDepthTo } from '../support/storage-depth';
import { anEscalation } from './storage.mothers';
import { openTestStorage, outcomes, uniqueId } from './storage-kit';

const { storage, raw, port } = openTestStorage();
afterAll(() => storage.dropAll());

/** The next state and step, as the domain's rules would build them. */
function acknowledge(escalation: Escalation, by: string, at = '2026-03-02T09:00:00.000Z'): { next: Escalation; step: EscalationStep } {
  const step: EscalationStep = {
    seq: escalation.stepCount,
    at,
    actor: { userId: by, displayName: `Leder ${by}` },
    action: 'acknowledge',
    fromState: escalation.state,
    toState: 'acknowledged',
    fromForumId: escalation.currentForumId,
    toForumId: escalation.currentForumId,
    note: `Set af ${by}`,
  };
  return { next: { ...escalation, state: 'acknowledged', updatedAt: at, stepCount: escalation.stepCount + 1 }, step };
}

function escalate(escalation: Escalation, to: string): { next: Escalation; step: EscalationStep } {
  const step: EscalationStep = {
    seq: escalation.stepCount,
    at: '2026-03-03T09:00:00.000Z',
    action: 'auto_escalate',
    fromState: escalation.state,
    toState: 'raised',
    fromForumId: escalation.currentForumId,
    toForumId: to,
  };
  return { next: { ...escalation, state: 'raised', currentForumId: to, path: [...escalation.path, to], stepCount: escalation.stepCount + 1 }, step };
}

describe('escalations', () => {
  test('given a raised case then it reads back with a version and its first step', async () => {
    const { escalation, firstStep } = anEscalation(uniqueId('forum'));
    const created = await storage.escalations.create(escalation, firstStep);
    expect(created.version).toEqual(expect.any(String));
    expect(await storage.escalations.findById(escalation.id)).toEqual(created);
    expect(await storage.escalations.history(escalation.id)).toEqual([firstStep]);
  });

  test('given a case id that exists then create gives AlreadyExistsError and the case is unchanged', async () => {
    const { escalation, firstStep } = anEscalation(uniqueId('forum'));
    const created = await storage.escalations.create(escalation, firstStep);
    await expect(storage.escalations.create({ ...escalation, title: 'Anden sag' }, firstStep)).rejects.toBeInstanceOf(AlreadyExistsError);
    expect(await storage.escalations.findById(escalation.id)).toEqual(created);
  });

  test('given cases raised from two fora then each forum lists exactly its own, also after they moved up', async () => {
    const forumId = uniqueId('forum');
    const raise = ({ escalation, firstStep }: ReturnType<typeof anEscalation>): Promise<Escalation> => storage.escalations.create(escalation, firstStep);
    const a = await raise(anEscalation(forumId));
    const b = await raise(anEscalation(forumId));
    await raise(anEscalation(`${forumId}-other`));
    const moved = escalate(b, 'koordinationsgruppen');
    const bMoved = await storage.escalations.advance(moved.next, moved.step);
    const listed = await storage.escalations.listByOriginForum(forumId);
    expect(listed.sort((x, y) => x.id.localeCompare(y.id))).toEqual([a, bMoved].sort((x, y) => x.id.localeCompare(y.id)));
    expect(await storage.escalations.listByOriginForum(uniqueId('forum'))).toEqual([]);
  });

  test('given a case advanced twice then its state moved on and the history holds every step in order', async () => {
    const { escalation, firstStep } = anEscalation(uniqueId('forum'));
    const created = await storage.escalations.create(escalation, firstStep);
    const one = escalate(created, 'koordinationsgruppen');
    const afterOne = await storage.escalations.advance(one.next, one.step);
    const two = acknowledge(afterOne, 'leder-1');
    const afterTwo = await storage.escalations.advance(two.next, two.step);
    expect(await storage.escalations.findById(escalation.id)).toEqual(afterTwo);
    expect(afterTwo).toMatchObject({ state: 'acknowledged', currentForumId: 'koordinationsgruppen', stepCount: 3 });
    expect(await storage.escalations.history(escalation.id)).toEqual([firstStep, one.step, two.step]);
  });

  test('given two managers advance the same case at once then exactly one wins and only its step is recorded', async () => {
    const { escalation, firstStep } = anEscalation(uniqueId('forum'));
    const created = await storage.escalations.create(escalation, firstStep);
    const byA = acknowledge(created, 'leder-a');
    const byB = acknowledge(created, 'leder-b');
    const { fulfilled, rejected } = await outcomes([
      storage.escalations.advance(byA.next, byA.step),
      storage.escalations.advance(byB.next, byB.step),
    ]);
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toEqual([expect.any(ConcurrencyError)]);
    const history = await storage.escalations.history(escalation.id);
    expect(history).toHaveLength(2);
    expect([byA.step, byB.step]).toContainEqual(history[1]);
    expect(await storage.escalations.findById(escalation.id)).toEqual(fulfilled[0]);
  });

  test('given a stale version then advance gives ConcurrencyError and nothing changes', async () => {
    const { escalation, firstStep } = anEscalation(uniqueId('forum'));
    const created = await storage.escalations.create(escalation, firstStep);
    const first = acknowledge(created, 'leder-1');
    await storage.escalations.advance(first.next, first.step);
    const late = acknowledge(created, 'leder-2');
    await expect(storage.escalations.advance(late.next, late.step)).rejects.toBeInstanceOf(ConcurrencyError);
    expect((await storage.escalations.history(escalation.id)).map((s) => s.actor?.userId)).toEqual(['user-1', 'leder-1']);
  });

  test('given a crash after the header moved on and before its step row then history still shows the step and the next advance keeps it', async () => {
    const { escalation, firstStep } = anEscalation(uniqueId('forum'));
    const created = await storage.escalations.create(escalation, firstStep);
    const one = acknowledge(created, 'leder-1');
    const afterOne = await storage.escalations.advance(one.next, one.step);
    // Take the step row away again: what the table holds if the process died between the writes.
    await raw('escalations').deleteEntity(escapeKey(escalation.id), 'step~000001');
    expect(await storage.escalations.history(escalation.id)).toEqual([firstStep, one.step]);
    const two = escalate(afterOne, 'lokalraad');
    await storage.escalations.advance(two.next, two.step);
    expect(await storage.escalations.history(escalation.id)).toEqual([firstStep, one.step, two.step]);
    expect((await raw('escalations').getEntity(escapeKey(escalation.id), 'step~000001'))['action']).toBe('acknowledge');
  });

  test('given no such case then find gives undefined, history is empty, advance and delete give NotFoundError', async () => {
    const { escalation } = anEscalation(uniqueId('forum'));
    expect(await storage.escalations.findById(escalation.id)).toBeUndefined();
    expect(await storage.escalations.history(escalation.id)).toEqual([]);
    const { next, step } = acknowledge({ ...escalation, version: 'W/"none"' }, 'leder-1');
    await expect(storage.escalations.advance(next, step)).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.escalations.delete(escalation.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('given a case with history when deleted then the case, its steps and its index row are gone', async () => {
    const forumId = uniqueId('forum');
    const { escalation, firstStep } = anEscalation(forumId);
    const created = await storage.escalations.create(escalation, firstStep);
    const one = acknowledge(created, 'leder-1');
    await storage.escalations.advance(one.next, one.step);
    await storage.escalations.delete(escalation.id);
    expect(await storage.escalations.findById(escalation.id)).toBeUndefined();
    expect(await storage.escalations.history(escalation.id)).toEqual([]);
    expect(await storage.escalations.listByOriginForum(forumId)).toEqual([]);
  });

  test('given a person named as raiser, in steps and on a "Læst" receipt then replacePerson puts the replacement in each place, keeps everyone else, and leaves a case that does not name them unwritten', async () => {
    const forumId = uniqueId('forum');
    const leaver = { userId: uniqueId('leaver'), displayName: 'Fratrådt Frede' };
    const former = { userId: 'former-ABC1234', displayName: 'Tidligere medlem ABC1234' };
    const { escalation, firstStep } = anEscalation(forumId, { raisedBy: leaver });
    const created = await storage.escalations.create(escalation, firstStep);
    const second = acknowledge(created, 'chef-1');
    const afterSecond = await storage.escalations.advance(second.next, second.step);
    const third = acknowledge(afterSecond, leaver.userId, '2026-03-04T09:00:00.000Z');
    await storage.escalations.advance(third.next, { ...third.step, actor: leaver, note: 'Set.' });
    await storage.escalations.markSeen(escalation.id, { person: leaver, at: '2026-03-05T09:00:00.000Z' });
    await storage.escalations.markSeen(escalation.id, { person: { userId: 'chef-1', displayName: 'Leder chef-1' }, at: '2026-03-05T10:00:00.000Z' });

    // Two steps, the receipt and the raiser.
    expect(await storage.escalations.replacePerson(escalation.id, leaver.userId, former)).toBe(4);
    expect((await storage.escalations.history(escalation.id)).map((step) => step.actor?.userId)).toEqual([former.userId, 'chef-1', former.userId]);
    expect((await storage.escalations.listSeen(escalation.id)).map((r) => [r.person, r.at]).sort()).toEqual([[former, '2026-03-05T09:00:00.000Z'], [{ userId: 'chef-1', displayName: 'Leder chef-1' }, '2026-03-05T10:00:00.000Z']].sort());
    const after = await storage.escalations.findById(escalation.id);
    expect(after?.raisedBy).toEqual(former);
    const rows = raw('escalations').listEntities({ queryOptions: { filter: `PartitionKey eq '${escapeKey(escalation.id)}'` } });
    for await (const row of rows) expect(JSON.stringify(row)).not.toContain(leaver.userId);

    // Nothing of theirs left: nothing is written, the header keeps its version.
    expect(await storage.escalations.replacePerson(escalation.id, leaver.userId, former)).toBe(0);
    expect((await storage.escalations.findById(escalation.id))?.version).toBe(after?.version);
  });

  test('given cases raised, moved on, resolved and deleted then listOpen holds exactly the open ones; one whose list row was lost comes back with the sweep', async () => {
    const openIds = async (): Promise<string[]> => (await storage.escalations.listOpen()).map((e) => e.id);
    const [a, b, c] = await Promise.all([1, 2, 3].map(async () => {
      const { escalation, firstStep } = anEscalation(uniqueId('forum'));
      return storage.escalations.create(escalation, firstStep);
    }));
    expect(await openIds()).toEqual(expect.arrayContaining([a!.id, b!.id, c!.id]));

    // Moved on: still open. Resolved: off the list. Deleted: off the list.
    const moved = escalate(a!, 'koordinationsgruppen');
    const afterMove = await storage.escalations.advance(moved.next, moved.step);
    const resolve: EscalationStep = { ...moved.step, seq: afterMove.stepCount, action: 'resolve', fromState: 'raised', toState: 'resolved', toForumId: afterMove.currentForumId };
    await storage.escalations.advance({ ...b!, state: 'resolved', stepCount: b!.stepCount + 1 }, { ...resolve, seq: b!.stepCount, fromForumId: b!.currentForumId, toForumId: b!.currentForumId });
    await storage.escalations.delete(c!.id);
    const open = await openIds();
    expect(open).toContain(a!.id);
    expect(open).not.toContain(b!.id);
    expect(open).not.toContain(c!.id);
    // The resolved case was settled off the list by that read.
    expect((await raw('livework').getEntity('cases', escapeKey(b!.id)).catch(() => undefined))).toBeUndefined();

    // A lost row: the case is open but unlisted until the sweep lists it again.
    await raw('livework').deleteEntity('cases', escapeKey(a!.id));
    expect(await openIds()).not.toContain(a!.id);
    expect(await storage.escalations.repairOpenList()).toBeGreaterThanOrEqual(1);
    expect(await openIds()).toContain(a!.id);
    expect(await storage.escalations.repairOpenList()).toBe(0);
  });

  test('given 40 open cases then listOpen reads them in two rounds of waiting, not one per 16', async () => {
    const created = await Promise.all(Array.from({ length: 40 }, async () => {
      const { escalation, firstStep } = anEscalation(uniqueId('forum'));
      return storage.escalations.create(escalation, firstStep);
    }));
    await storage.escalations.listOpen(); // settles what earlier tests closed
    const meter = meterDepthTo(port);
    try {
      const open = (await storage.escalations.listOpen()).map((e) => e.id);
      expect(open).toEqual(expect.arrayContaining(created.map((e) => e.id)));
      expect(meter.read()).toEqual({ requests: 1 + open.length, depth: 2 });
    } finally {
      meter.close();
    }
  });

  test('given a person raised 25 cases then the newest 20 come with the total, from one query and 20 point reads; a replaced raiser\'s list moves; a lost row comes back with the sweep', async () => {
    const raiser = { userId: uniqueId('user'), displayName: 'Lokal SSP-konsulent' };
    const created: Escalation[] = [];
    for (let n = 0; n < 25; n++) {
      const at = new Date(Date.parse('2026-03-01T12:00:00.000Z') + n * 3_600_000).toISOString();
      const { escalation, firstStep } = anEscalation(uniqueId('forum'), { raisedBy: raiser, raisedAt: at, updatedAt: at });
      created.push(await storage.escalations.create(escalation, { ...firstStep, at, actor: raiser }));
    }
    const mine = await storage.escalations.listRaisedBy(raiser.userId, 20);
    expect(mine.total).toBe(25);
    expect(mine.cases.map((e) => e.id)).toEqual(created.slice(5).reverse().map((e) => e.id));

    // Deleted: off the list. Replaced (a person leaving): the case moves to the replacement's list.
    await storage.escalations.delete(created[24]!.id);
    const replacement = { userId: uniqueId('user'), displayName: 'Afløser' };
    await storage.escalations.replacePerson(created[23]!.id, raiser.userId, replacement);
    expect((await storage.escalations.listRaisedBy(raiser.userId, 20)).total).toBe(23);
    expect((await storage.escalations.listRaisedBy(replacement.userId, 20)).cases.map((e) => e.id)).toEqual([created[23]!.id]);

    // A lost row (or a case from before the list): the sweep writes it again, once.
    const [row] = (await listRows(raw('escalationsbyorigin'), `r~${escapeKey(raiser.userId)}`)).filter((r) => r['id'] === created[0]!.id);
    await raw('escalationsbyorigin').deleteEntity(row!.partitionKey, row!.rowKey);
    expect((await storage.escalations.listRaisedBy(raiser.userId, 100)).total).toBe(22);
    expect(await storage.escalations.repairRaisedList()).toBe(1);
    expect((await storage.escalations.listRaisedBy(raiser.userId, 100)).total).toBe(23);
    expect(await storage.escalations.repairRaisedList()).toBe(0);
  });
});

async function listRows(table: ReturnType<typeof raw>, partitionKey: string): Promise<{ partitionKey: string; rowKey: string; [k: string]: unknown }[]> {
  const rows = [];
  for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${partitionKey}'` } })) rows.push(row as { partitionKey: string; rowKey: string });
  return rows;
}
