import type { Forum } from '../domain/fora/forum';
import type { Storage } from '../storage/index';
import { anActionItem, anAgenda, anAgendaItem, aForum, aMeetingSeries } from '../test/storage/storage.mothers';
import { aPerson, aPersonalChat, type Person, type Where } from '../test/bot/support/teams-activities';

/** Someone in the benchmark's pool: their own 1:1 chat and their item in their first forum. */
export interface PoolMember {
  person: Person;
  chat: Where;
  item: { forumId: string; itemId: string };
}

export interface MemberGroup {
  fora: Forum[];
  people: PoolMember[];
}

const DAY_MS = 86_400_000;

async function inBatches<T>(all: readonly T[], size: number, each: (value: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < all.length; i += size) await Promise.all(all.slice(i, i + size).map(each));
}

/**
 * `people` consultants who are all members of the same `foraCount` fora (secretary of the first, as
 * the storage-depth test has it), each forum with a weekly series and an agenda for next week, and
 * each member with an open item in the first forum or, with `itemsInEvery`, in every forum (only
 * `handlinger` reads them all; writing fewer keeps the seeding short on a shared machine), and
 * `pastAgendas` weeks of published agendas before (a forum's history).
 */
export async function seedMemberGroup(storage: Storage, name: string, foraCount: number, people: number, itemsInEvery = false, pastAgendas = 0): Promise<MemberGroup> {
  const tomorrow = new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  const fora = Array.from({ length: foraCount }, (_, i) => aForum({ name: `${name} ${i + 1}` }));
  await Promise.all(
    fora.map(async (forum) => {
      await storage.fora.save(forum);
      await Promise.all([
        storage.meetingSeries.save(aMeetingSeries(forum.id, { firstDate: tomorrow, rrule: 'FREQ=WEEKLY' })),
        storage.agendas.save(anAgenda(forum.id, { meetingStart: new Date(Date.now() + 7 * DAY_MS).toISOString() })),
      ]);
      // History: a published agenda of 8 items for each of the `pastAgendas` weeks before.
      await inBatches([...Array(pastAgendas).keys()], 20, (week) =>
        storage.agendas.save(anAgenda(forum.id, { state: 'published', meetingStart: new Date(Date.now() - (week + 1) * 7 * DAY_MS).toISOString(), items: Array.from({ length: 8 }, (_, i) => anAgendaItem({ title: `Punkt ${i + 1}`, description: 'Hvad vi drøftede, og hvem der følger op. '.repeat(4) })) })),
      );
    }),
  );
  const persons = Array.from({ length: people }, (_, i) => aPerson(`Konsulent ${i + 1}`));
  const firstItems = new Map<string, string>();
  const pairs = persons.flatMap((person) => fora.map((forum, i) => ({ person, forum, first: i === 0 })));
  await inBatches(pairs, 100, async ({ person, forum, first }) => {
    await storage.members.save(forum.id, { userId: person.aadObjectId, displayName: person.name, roles: [first ? 'secretary' : 'member'] });
    if (!first && !itemsInEvery) return;
    const item = await storage.actionItems.save(anActionItem(forum.id, { owner: { kind: 'member', userId: person.aadObjectId, displayName: person.name }, dueDate: tomorrow }));
    if (first) firstItems.set(person.aadObjectId, item.id);
  });
  return {
    fora,
    people: persons.map((person) => ({ person, chat: aPersonalChat(), item: { forumId: fora[0]!.id, itemId: firstItems.get(person.aadObjectId)! } })),
  };
}
