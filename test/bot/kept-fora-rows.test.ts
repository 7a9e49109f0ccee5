import { beforeAll, describe, expect, test } from 'vitest';
import { createStorage } from '../../storage/index';
import { meterDepthTo, type DepthMeter } from '../support/storage-depth';
import { aForum, aMeeting, aMeetingSeries } from '../storage/storage.mothers';
import { useRunningBot } from './support/bot-harness';
import { sayTo } from './support/conversation';
import { aPerson, aPersonalChat, type Person, type Where } from './support/teams-activities';

/**
 * `fora` and `møder` read a person's fora from rows the bot keeps while each forum's change mark
 * stays (bot/core/forum-rows.ts): the same two requests in one round for 1 and 8 fora, a second
 * round only for what changed, and a change made on another instance shows at the next turn.
 * `dagsorden` in a personal chat finds the forum and its next meetings the same way.
 */
const running = useRunningBot();
let meter: DepthMeter;

interface Someone {
  person: Person;
  chat: Where;
  foraIds: string[];
}

const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function memberOf(count: number): Promise<Someone> {
  const { storage } = running.storage;
  const person = aPerson();
  const fora = Array.from({ length: count }, (_, i) => aForum({ name: `Kept ${count}-${i}` }));
  await Promise.all(
    fora.map(async (forum, i) => {
      await storage.fora.save(forum);
      await Promise.all([
        storage.members.save(forum.id, { userId: person.aadObjectId, displayName: person.name, roles: [i === 0 ? 'chair' : 'member'] }),
        storage.meetingSeries.save(aMeetingSeries(forum.id, { firstDate: tomorrow(), rrule: 'FREQ=WEEKLY' })),
      ]);
    }),
  );
  return { person, chat: aPersonalChat(), foraIds: fora.map((f) => f.id) };
}

const say = (who: Someone, text: string): Promise<Record<string, unknown>> => sayTo(running, who.chat, who.person, text);

async function measure(turn: () => Promise<unknown>): Promise<{ requests: number; depth: number }> {
  meter.reset();
  await turn();
  return meter.read();
}

describe('the fora and meetings a person sees, from kept rows', () => {
  let one: Someone;
  let eight: Someone;
  beforeAll(async () => {
    const port = Number(/TableEndpoint=https?:\/\/[^:/]+:(\d+)/.exec(running.storage.connectionString)?.[1]);
    meter = meterDepthTo(port);
    [one, eight] = await Promise.all([memberOf(1), memberOf(8)]);
    // Their first turn records them (and creates tables on first use): not what is measured here.
    for (const who of [one, eight]) await say(who, 'hjælp');
    return () => meter.close();
  });

  test.each(['fora', 'møder'])('given "%s" from a member of 1 and of 8 fora then after the first every turn waits at most 2 rounds, and once read both make the same 2 requests in 1 round', async (text) => {
    // The first turn does what happens once: the table of marks created on its first use here, and
    // `møder` mints the calendar tokens it links to (writes to the series, moving their marks; the
    // picture counts each series then, as it was seeded under the bot). Not measured.
    await say(one, text);
    await say(eight, text);
    // Then the fora are read after their marks (they were read beside them): a second round at most.
    for (const who of [one, eight]) expect((await measure(() => say(who, text))).depth).toBe(2);
    const small = await measure(() => say(one, text));
    const large = await measure(() => say(eight, text));
    expect(small).toEqual({ requests: 2, depth: 1 });
    expect(large).toEqual(small);

    // Another instance changes one of the eight fora: that forum alone is read again, in a second round.
    const other = createStorage(running.storage.connectionString, { tablePrefix: running.storage.prefix });
    await other.fora.update(eight.foraIds[3]!, (f) => ({ ...f, name: `${f.name} (ændret)` }));
    const changed = await measure(() => say(eight, text));
    expect(changed).toEqual({ requests: 2 + 4, depth: 2 }); // the forum, its series, meetings and roster
    expect(await measure(() => say(eight, text))).toEqual(small);
  });

  test('given "dagsorden" from the chair of one of 1 and of 8 fora then it waits 2 rounds, first time or not, and offers the meetings kept, current after a change elsewhere', async () => {
    const [small, large, first] = await Promise.all([memberOf(1), memberOf(8), memberOf(1)]);
    for (const who of [small, large]) await say(who, 'hjælp'); // recorded, as in beforeAll
    await say(first, 'dagsorden'); // the process's first agenda read creates its tables: not measured
    // First: the memberships; then the chair's membership (the access check), the agendas and the forum's rows beside.
    for (const who of [small, large]) expect((await measure(() => say(who, 'dagsorden'))).depth).toBe(2);
    // Read beside their marks the first time, so after them the second (see above); then kept: 4 requests.
    for (const who of [small, large]) expect((await measure(() => say(who, 'dagsorden'))).depth).toBe(2);
    for (const who of [small, large]) expect(await measure(() => say(who, 'dagsorden'))).toEqual({ requests: 4, depth: 2 });

    // No agenda yet: the card that creates one offers the forum's next meetings, from the kept rows.
    const other = createStorage(running.storage.connectionString, { tablePrefix: running.storage.prefix });
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCHours(6, 0, 0, 0);
    await other.meetings.save(aMeeting(large.foraIds[0]!, { title: 'Ekstramøde om dagsordenen', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() }));
    let card = '';
    // The forum's rows read again (the forum, its series, meetings and roster) in the second round, beside the rest.
    expect(await measure(async () => (card = JSON.stringify(await say(large, 'dagsorden'))))).toEqual({ requests: 4 + 4, depth: 2 });
    expect(card).toContain('Kept 8-0');
    expect(card).toContain('Ekstramøde om dagsordenen');
    expect(JSON.stringify(await say(small, 'dagsorden'))).not.toContain('Ekstramøde om dagsordenen');
  });

  test('given another instance adds a chair, renames a forum and moves a meeting then the next "fora" and "møder" show it', async () => {
    const who = await memberOf(2);
    await say(who, 'fora');
    await say(who, 'møder');
    // A second storage on the same tables: another instance of the bot, with nothing kept.
    const other = createStorage(running.storage.connectionString, { tablePrefix: running.storage.prefix });
    const [first, second] = who.foraIds as [string, string];
    await other.members.save(second, { userId: 'aad-ny-formand', displayName: 'Nanna Nyformand', roles: ['chair'] });
    await other.fora.update(first, (f) => ({ ...f, name: 'Kept omdøbt' }));
    const [series] = await other.meetingSeries.listByForum(second);
    const start = new Date(Date.now() + 3 * 86_400_000);
    start.setUTCHours(13, 0, 0, 0);
    await other.meetings.save(aMeeting(second, { title: 'Ekstramøde flyttet hertil', start: start.toISOString(), end: new Date(start.getTime() + 3_600_000).toISOString() }));
    expect(series).toBeDefined();

    const fora = JSON.stringify(await say(who, 'fora'));
    expect(fora).toContain('Nanna Nyformand');
    expect(fora).toContain('Kept omdøbt');
    const meetings = JSON.stringify(await say(who, 'møder'));
    expect(meetings).toContain('Ekstramøde flyttet hertil');
    expect(meetings).toContain('Kept omdøbt');

    // And a member removed there no longer sees the forum here.
    await other.members.remove(second, who.person.aadObjectId);
    const after = JSON.stringify(await say(who, 'fora'));
    expect(after).toContain('Kept omdøbt');
    expect(after).not.toContain('Kept 2-1');
  });
});
