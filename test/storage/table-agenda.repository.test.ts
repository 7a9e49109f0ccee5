import { odata } from '@azure/data-tables';
import { afterAll, describe, expect, test } from 'vitest';
import type { Agenda } from '../../domain/agendas/agenda';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from '../../domain/shared/repository-errors';
import { escapeKey } from '../../storage/table-keys';
import { countRequestsTo } from '../../bench/storage-round-trips';
import { meterDepthTo } from '../support/storage-depth';
import { anAgenda, anAgendaItem } from './storage.mothers';
import { openTestStorage, outcomes, uniqueId } from './storage-kit';

const { storage, raw, port } = openTestStorage();
afterAll(() => storage.dropAll());

/** Every row the agenda has in its table, header and items of every revision. */
async function rowsOf(agenda: Pick<Agenda, 'forumId' | 'id'>): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of raw('agendas').listEntities({ queryOptions: { filter: odata`PartitionKey eq ${escapeKey(agenda.forumId)}` } })) {
    if (row['agendaId'] === agenda.id || row['id'] === agenda.id) rows.push(row);
  }
  return rows;
}

describe('agendas', () => {
  test('given a new agenda when saved then it reads back with its items in order and a version', async () => {
    const agenda = anAgenda(uniqueId('forum'), { items: Array.from({ length: 12 }, (_, i) => anAgendaItem({ title: `Punkt ${i + 1}` })) });
    const saved = await storage.agendas.save(agenda);
    expect(saved.version).toEqual(expect.any(String));
    expect(await storage.agendas.findById(agenda.forumId, agenda.id)).toEqual(saved);
    expect(saved).toEqual({ ...agenda, version: saved.version });
  });

  test('given a circulated agenda with 2,000 consultants then the circulation round-trips', async () => {
    const consultantIds = Array.from({ length: 2000 }, (_, i) => `${String(i).padStart(4, '0')}-0000-4000-8000-${'a'.repeat(12)}`);
    const agenda = anAgenda(uniqueId('forum'), {
      circulation: { deadline: '2026-03-05T12:00:00.000Z', sentAt: '2026-03-01T08:00:00.000Z', consultantIds },
    });
    const saved = await storage.agendas.save(agenda);
    expect((await storage.agendas.findById(agenda.forumId, agenda.id))?.circulation).toEqual(agenda.circulation);
    expect(saved.circulation?.consultantIds).toHaveLength(2000);
  });

  test('given agendas of two fora then each forum lists only its own, whole', async () => {
    const forumId = uniqueId('forum');
    const first = await storage.agendas.save(anAgenda(forumId));
    const second = await storage.agendas.save(anAgenda(forumId, { items: [] }));
    await storage.agendas.save(anAgenda(`${forumId}-other`));
    const listed = await storage.agendas.listByForum(forumId);
    expect(listed.sort((a, b) => a.id.localeCompare(b.id))).toEqual([first, second].sort((a, b) => a.id.localeCompare(b.id)));
  });

  test('given a year of agendas then the published ones from a time on are read whole, drafts and older ones not', async () => {
    const forumId = uniqueId('forum');
    const weekly = (week: number, state: Agenda['state']): Agenda =>
      anAgenda(forumId, { state, meetingStart: new Date(Date.parse('2026-01-06T08:00:00.000Z') + week * 7 * 86_400_000).toISOString(), items: [anAgendaItem({ title: `Uge ${week}` }), anAgendaItem()] });
    const saved = await Promise.all(Array.from({ length: 52 }, (_, week) => storage.agendas.save(weekly(week, week === 51 ? 'draft' : 'published'))));
    await storage.agendas.save(anAgenda(`${forumId}-other`, { state: 'published', meetingStart: '2026-12-22T08:00:00.000Z' }));
    // From 9 December: weeks 49 and 50 (15 and 22 December) are published, week 51 is a draft.
    const found = await storage.agendas.listPublishedFrom(forumId, new Date('2026-12-09T00:00:00.000Z'));
    expect(found.sort((a, b) => a.meetingStart.localeCompare(b.meetingStart))).toEqual([saved[49], saved[50]]);
    expect(await storage.agendas.listPublishedFrom(forumId, new Date('2027-01-01T00:00:00.000Z'))).toEqual([]);
    // Any state from a time on (the next agendas): the draft too; a meeting hours before `from` not.
    const next = await storage.agendas.listFrom(forumId, new Date('2026-12-15T09:00:00.000Z'));
    expect(next.sort((a, b) => a.meetingStart.localeCompare(b.meetingStart))).toEqual([saved[50], saved[51]]);
  });

  test('given a year of agendas then the agendas from a time on are one request, whatever the history', async () => {
    const forumId = uniqueId('forum');
    const weekly = (week: number): Agenda =>
      anAgenda(forumId, { meetingStart: new Date(Date.parse('2026-01-06T08:00:00.000Z') + week * 7 * 86_400_000).toISOString(), items: [anAgendaItem({ title: `Uge ${week}` }), anAgendaItem()] });
    const saved = await Promise.all(Array.from({ length: 52 }, (_, week) => storage.agendas.save(weekly(week))));
    const meter = meterDepthTo(port);
    try {
      const next = await storage.agendas.listFrom(forumId, new Date('2026-12-15T09:00:00.000Z'));
      expect(next.sort((a, b) => a.meetingStart.localeCompare(b.meetingStart))).toEqual([saved[50], saved[51]]);
      expect(meter.read()).toEqual({ requests: 1, depth: 1 });
    } finally {
      meter.close();
    }
  });

  test('given item rows stored before they carried the meeting time then the agendas from a time on are still read whole', async () => {
    const forumId = uniqueId('forum');
    const saved = await storage.agendas.save(anAgenda(forumId, { meetingStart: '2026-12-22T08:00:00.000Z', items: [anAgendaItem({ title: 'Først' }), anAgendaItem({ title: 'Så' })] }));
    const items = (await rowsOf(saved)).filter((row) => row['kind'] === 'item');
    expect(items).toHaveLength(2);
    for (const { meetingStart: _dropped, ...row } of items) await raw('agendas').updateEntity(row as { partitionKey: string; rowKey: string }, 'Replace');
    expect(await storage.agendas.listFrom(forumId, new Date('2026-12-01T00:00:00.000Z'))).toEqual([saved]);
  });

  test('given no such agenda then find gives undefined, update and delete give NotFoundError', async () => {
    expect(await storage.agendas.findById('nowhere', 'none')).toBeUndefined();
    await expect(storage.agendas.update('nowhere', 'none', (a) => a)).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.agendas.delete('nowhere', 'none')).rejects.toBeInstanceOf(NotFoundError);
    await expect(storage.agendas.save({ ...anAgenda('nowhere'), version: 'W/"stale"' })).rejects.toBeInstanceOf(NotFoundError);
  });

  test('given a saved agenda when created again then AlreadyExistsError and its items are untouched', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum')));
    await expect(storage.agendas.save({ ...saved, version: undefined, items: [anAgendaItem({ title: 'Indtrænger' })] })).rejects.toBeInstanceOf(
      AlreadyExistsError,
    );
    expect(await storage.agendas.findById(saved.forumId, saved.id)).toEqual(saved);
    // The losing write's item rows are removed again.
    expect(await rowsOf(saved)).toHaveLength(1 + saved.items.length);
  });

  test('given an update that reorders and edits items then the new order is stored and old rows are gone', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum'), { items: [anAgendaItem({ title: 'A' }), anAgendaItem({ title: 'B' }), anAgendaItem({ title: 'C' })] }));
    const updated = await storage.agendas.update(saved.forumId, saved.id, (a) => ({
      ...a,
      revision: a.revision + 1,
      state: 'published',
      items: [a.items[2]!, { ...a.items[0]!, description: 'Ændret' }],
    }));
    expect(updated.version).not.toBe(saved.version);
    const read = await storage.agendas.findById(saved.forumId, saved.id);
    expect(read?.items.map((i) => i.title)).toEqual(['C', 'A']);
    expect(read?.items[1]?.description).toBe('Ændret');
    expect(read?.state).toBe('published');
    expect(await rowsOf(saved)).toHaveLength(1 + 2);
  });

  test('given two saves with the same stale version then exactly one wins and the agenda is the winner, whole', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum')));
    const one = { ...saved, revision: 1, items: [anAgendaItem({ title: 'Fra den ene' })] };
    const two = { ...saved, revision: 1, items: [anAgendaItem({ title: 'Fra den anden' }), anAgendaItem({ title: 'Og mere' })] };
    const { fulfilled, rejected } = await outcomes([storage.agendas.save(one), storage.agendas.save(two)]);
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toEqual([expect.any(ConcurrencyError)]);
    expect(await storage.agendas.findById(saved.forumId, saved.id)).toEqual(fulfilled[0]);
    // The loser removes the item rows it wrote; the winner removes the old revision's.
    expect(await rowsOf(saved)).toHaveLength(1 + fulfilled[0]!.items.length);
  });

  test('given 10 concurrent updates that each add an item then all 10 items are there', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum'), { items: [] }));
    const titles = Array.from({ length: 10 }, (_, i) => `Punkt fra ${i}`);
    await Promise.all(
      titles.map((title) =>
        storage.agendas.update(saved.forumId, saved.id, (a) => ({ ...a, revision: a.revision + 1, items: [...a.items, anAgendaItem({ id: title, title })] })),
      ),
    );
    const read = await storage.agendas.findById(saved.forumId, saved.id);
    expect(read?.items.map((i) => i.title).sort()).toEqual([...titles].sort());
    expect(read?.revision).toBe(10);
  });

  test('given item rows of a newer revision written without their header (a crash) then reads return the previous agenda', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum'), { revision: 3 }));
    // What a writer leaves when it dies after its item transaction and before the header.
    const partitionKey = escapeKey(saved.forumId);
    const itemsKey = 'r00000004.deadbeef';
    await raw('agendas').submitTransaction(
      ['Nyt punkt', 'Halvfærdigt punkt', 'Tredje'].map((title, position) => [
        'create',
        {
          partitionKey,
          rowKey: `${escapeKey(saved.id)}~${itemsKey}~${String(position).padStart(3, '0')}`,
          kind: 'item',
          agendaId: saved.id,
          itemsKey,
          position,
          id: `crash-${position}`,
          title,
          description: '',
          inputWanted: false,
        },
      ]),
    );
    expect(await storage.agendas.findById(saved.forumId, saved.id)).toEqual(saved);
    expect(await storage.agendas.listByForum(saved.forumId)).toEqual([saved]);
    // The next write goes on from the consistent agenda.
    const updated = await storage.agendas.update(saved.forumId, saved.id, (a) => ({ ...a, revision: a.revision + 1 }));
    expect(updated.items).toEqual(saved.items);
    expect((await storage.agendas.findById(saved.forumId, saved.id))?.revision).toBe(4);
  });

  test('given a change of the header only then its item rows stay as they were and only the header is written', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum'), { state: 'published', items: [anAgendaItem({ title: 'Tendenser' }), anAgendaItem({ title: 'Eventuelt', inputWanted: true })] }));
    const itemRowsBefore = (await rowsOf(saved)).filter((row) => row['kind'] === 'item');
    const counter = countRequestsTo(port);
    let renamed: Agenda;
    try {
      renamed = await storage.agendas.update(saved.forumId, saved.id, (a) => ({ ...a, createdBy: 'former-1234', circulation: { deadline: '2026-03-08T12:00:00.000Z', sentAt: '2026-03-01T08:00:00.000Z', consultantIds: ['former-1234'] } }));
      // The read, the live mark and the header: no transaction of item rows written or removed.
      expect(counter.byKind()).toEqual(expect.arrayContaining([['query agendas', 1], ['upsert/update agendas', 1], ['upsert/update livework', 1]]));
      expect(counter.byKind().some(([kind]) => kind === 'transaction')).toBe(false);
    } finally {
      counter.close();
    }
    const itemRowsAfter = (await rowsOf(saved)).filter((row) => row['kind'] === 'item');
    expect(itemRowsAfter.map((row) => [row['rowKey'], row['etag']])).toEqual(itemRowsBefore.map((row) => [row['rowKey'], row['etag']]));
    expect(await storage.agendas.findById(saved.forumId, saved.id)).toEqual(renamed);
    expect(renamed.items).toEqual(saved.items);

    // An item changed, or the meeting moved (item rows carry its time): the items are written anew, the old rows go.
    for (const change of [(a: Agenda) => ({ ...a, items: [a.items[1]!, a.items[0]!] }), (a: Agenda) => ({ ...a, meetingStart: '2026-03-12T08:00:00.000Z' })]) {
      const before = (await rowsOf(saved)).filter((row) => row['kind'] === 'item').map((row) => row['rowKey']);
      const next = await storage.agendas.update(saved.forumId, saved.id, change);
      const after = (await rowsOf(saved)).filter((row) => row['kind'] === 'item');
      expect(after.map((row) => row['rowKey'])).not.toEqual(expect.arrayContaining(before));
      expect(after).toHaveLength(2);
      expect(await storage.agendas.findById(saved.forumId, saved.id)).toEqual(next);
      expect(await storage.agendas.listFrom(saved.forumId, new Date('2026-03-01T00:00:00.000Z'))).toEqual([next]);
    }
  });

  test('given a write whose rule says the agenda needs no tending then it is not listed live; without a rule every write lists it', async () => {
    const forumId = uniqueId('forum');
    const listed = async (id: string): Promise<boolean> => (await storage.agendas.listLive()).some((l) => l.agendaId === id);
    const quiet = await storage.agendas.save(anAgenda(forumId), { live: () => false });
    expect(await listed(quiet.id)).toBe(false);
    const seen: string[] = [];
    await storage.agendas.update(forumId, quiet.id, (a) => ({ ...a, revision: 1 }), { live: (next) => (seen.push(`revision ${next.revision}`), false) });
    expect(seen).toEqual(['revision 1']);
    expect(await listed(quiet.id)).toBe(false);
    await storage.agendas.update(forumId, quiet.id, (a) => ({ ...a, revision: 2 }));
    expect(await listed(quiet.id)).toBe(true);
    const plain = await storage.agendas.save(anAgenda(forumId));
    expect(await listed(plain.id)).toBe(true);
  });

  test('given a saved agenda when deleted then it and all its rows are gone', async () => {
    const saved = await storage.agendas.save(anAgenda(uniqueId('forum')));
    await storage.agendas.delete(saved.forumId, saved.id);
    expect(await storage.agendas.findById(saved.forumId, saved.id)).toBeUndefined();
    expect(await rowsOf(saved)).toEqual([]);
  });
});
