import { beforeAll, describe, expect, test } from 'vitest';
import { meterDepthTo, type DepthMeter } from '../support/storage-depth';
import { anActionItem, anAgenda, aForum, aMeetingSeries } from '../storage/storage.mothers';
import { useRunningBot } from './support/bot-harness';
import { aMessage, aPerson, aPersonalChat, cardAction, type Person, type Where } from './support/teams-activities';

/**
 * A turn waits for storage in at most two rounds, however many fora the person is in: the reads
 * per forum run side by side, not forum after forum. Measured on the real HTTP requests to Azurite
 * (a request started after another finished is one round deeper).
 */
const running = useRunningBot();
let meter: DepthMeter;

interface Someone {
  person: Person;
  chat: Where;
  item: { forumId: string; itemId: string };
}

/** A person in `count` fora (secretary of the first), each with a weekly series, an agenda and an item of theirs. */
async function memberOf(count: number): Promise<Someone> {
  const { storage } = running.storage;
  const person = aPerson();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const fora = Array.from({ length: count }, (_, i) => aForum({ name: `Dybde ${count}-${i}` }));
  const items = await Promise.all(
    fora.map(async (forum, i) => {
      await storage.fora.save(forum);
      await Promise.all([
        storage.members.save(forum.id, { userId: person.aadObjectId, displayName: person.name, roles: [i === 0 ? 'secretary' : 'member'] }),
        storage.meetingSeries.save(aMeetingSeries(forum.id, { firstDate: tomorrow, rrule: 'FREQ=WEEKLY' })),
        storage.agendas.save(anAgenda(forum.id, { meetingStart: new Date(Date.now() + 7 * 86_400_000).toISOString() })),
      ]);
      return storage.actionItems.save(anActionItem(forum.id, { owner: { kind: 'member', userId: person.aadObjectId, displayName: person.name }, dueDate: tomorrow }));
    }),
  );
  return { person, chat: aPersonalChat(), item: { forumId: items[0]!.forumId, itemId: items[0]!.id } };
}

async function send(who: Someone, text: string): Promise<void> {
  const { status } = await running.bot.post(aMessage(running.emulator.serviceUrl, who.chat, who.person, text));
  expect(status).toBe(200);
}

/** The turn's storage requests and rounds; the POST returns when the turn (and its reply) is done. */
async function measure(turn: () => Promise<void>): Promise<{ requests: number; depth: number }> {
  meter.reset();
  await turn();
  return meter.read();
}

const turns: Record<string, (who: Someone) => Promise<void>> = {
  fora: (who) => send(who, 'fora'),
  møder: (who) => send(who, 'møder'),
  handlinger: (who) => send(who, 'handlinger'),
  dagsorden: (who) => send(who, 'dagsorden'),
  'card click actions.item.show': async (who) => {
    const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, who.chat, who.person, 'actions.item.show', who.item));
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toContain('natteravnene');
  },
};

describe('storage round trips per turn', () => {
  let one: Someone;
  let eight: Someone;
  beforeAll(async () => {
    const port = Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(running.storage.connectionString)?.[1]);
    meter = meterDepthTo(port);
    [one, eight] = await Promise.all([memberOf(1), memberOf(8)]);
    // Twice each before measuring: what happens once (a table created on first use, the person
    // recorded on their first turn, a series' calendar token minted when first shown) is not a turn's
    // cost, nor is reading again the fora whose marks that moved (which of them a turn reads differs).
    for (let pass = 0; pass < 2; pass++) for (const turn of Object.values(turns)) await Promise.all([turn(one), turn(eight)]);
    return () => meter.close();
  });

  test.each(Object.keys(turns))('given "%s" from a member of 1 and of 8 fora then both wait at most 2 rounds, the same number', async (name) => {
    const turn = turns[name]!;
    const small = await measure(() => turn(one));
    const large = await measure(() => turn(eight));
    expect(small.depth).toBeGreaterThan(0); // it did read storage (the meter sees the requests)
    expect(large.depth).toBeLessThanOrEqual(2);
    expect(large.depth).toBe(small.depth);
  });
});

describe('a card submit that writes', () => {
  test('given the owner clicks started and open again on their item then each change waits at most 5 rounds, however many fora, and is stored and audited', async () => {
    const port = Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(running.storage.connectionString)?.[1]);
    const writes = meterDepthTo(port);
    try {
      const who = await memberOf(8);
      const click = async (to: 'open' | 'started') => {
        writes.reset();
        const { status } = await running.bot.post(cardAction(running.emulator.serviceUrl, who.chat, who.person, 'actions.item.status', { ...who.item, to }));
        expect(status).toBe(200);
        return writes.read();
      };
      await click('started'); // once before measuring: the tables used on first write
      const started = await click('open');
      const open = await click('started');
      const { storage } = running.storage;
      expect((await storage.actionItems.findById(who.item.forumId, who.item.itemId))?.status).toBe('started');
      const audited = (await storage.audit.listByForum(who.item.forumId)).filter((e) => e.subject === `action:${who.item.itemId}`);
      expect(audited.map((e) => e.action).sort()).toEqual(['action.status.open', 'action.status.started', 'action.status.started']);
      for (const turn of [started, open]) {
        expect(turn.depth).toBeGreaterThan(0);
        expect(turn.depth).toBeLessThanOrEqual(5);
      }
    } finally {
      writes.close();
    }
  });
});
