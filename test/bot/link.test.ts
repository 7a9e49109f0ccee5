import { describe, expect, test } from 'vitest';
import type { Forum } from '../../domain/fora/forum';
import { aForum, aMember } from '../storage/storage.mothers';
import { uniqueId } from '../storage/storage-kit';
import { useRunningBot } from './support/bot-harness';
import { aChannel, aPerson, aPersonalChat, TENANT_ID, type Person, type Where } from './support/teams-activities';
import { sayTo } from './support/conversation';

const chair = aPerson('Formand Birgitte Ærø');
const secretary = aPerson('Sekretær Ole');
const consultant = aPerson('Konsulent Åse');

const running = useRunningBot();

/** A forum with a chair, a secretary and a consultant, under a name no other test uses. */
async function seedForum(name = `Kredsråd Vestegn ${uniqueId('n')}`): Promise<Forum> {
  const forum = await running.storage.storage.fora.save(aForum({ name, level: 'strategic', escalatesTo: undefined }));
  await running.storage.storage.members.save(forum.id, aMember({ userId: chair.aadObjectId, displayName: chair.name, roles: ['chair'] }));
  await running.storage.storage.members.save(forum.id, aMember({ userId: secretary.aadObjectId, displayName: secretary.name, roles: ['secretary', 'member'] }));
  await running.storage.storage.members.save(forum.id, aMember({ userId: consultant.aadObjectId, displayName: consultant.name, roles: ['consultant'] }));
  return forum;
}


const say = (where: Where, from: Person, text: string): Promise<Record<string, unknown>> => sayTo(running, where, from, text);

describe('tilknyt', () => {
  test('given the chair in a channel then the channel is linked to the forum and the change is audited', async () => {
    const forum = await seedForum();
    const channel = aChannel('Kredsrådet');
    const reply = await say(channel, chair, `tilknyt ${forum.name}`);
    expect(reply['text']).toBe(`Kanalen er nu knyttet til **${forum.name}**. Forummets dagsordener og påmindelser bliver sendt hertil.`);

    const stored = await running.storage.storage.fora.findById(forum.id);
    expect(stored?.teams).toEqual({
      conversationId: channel.conversationId,
      serviceUrl: running.emulator.serviceUrl,
      tenantId: TENANT_ID,
      teamId: channel.teamId,
      channelName: 'Kredsrådet',
    });
    const audit = await running.storage.storage.audit.listByForum(forum.id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([['forum.channel.linked', chair.aadObjectId]]);
  });

  test('given the name typed without Danish letters and in other case then the forum is still found', async () => {
    const forum = await seedForum();
    const typed = forum.name.replace('Kredsråd', 'KREDSRAAD').replace(' Vestegn', ' vestegn');
    const reply = await say(aChannel(), secretary, `TILKNYT ${typed}`);
    expect(reply['text']).toMatch(/^Kanalen er nu knyttet til/);
  });

  test('given the same channel linked again then the reply says so and nothing is written', async () => {
    const forum = await seedForum();
    const channel = aChannel();
    await say(channel, chair, `tilknyt ${forum.name}`);
    const linked = await running.storage.storage.fora.findById(forum.id);
    const reply = await say(channel, chair, `link ${forum.name}`);
    expect(reply['text']).toBe(`Kanalen er allerede knyttet til **${forum.name}**.`);
    expect((await running.storage.storage.fora.findById(forum.id))?.version).toBe(linked?.version);
  });

  test.each([
    ['a consultant of the forum', consultant],
    ['someone outside the forum', aPerson('Udenforstående')],
  ])('given %s then the link is refused in Danish and the forum is unchanged', async (_who, person) => {
    const forum = await seedForum();
    const reply = await say(aChannel(), person, `tilknyt ${forum.name}`);
    expect(reply['text']).toBe('Kun forummets formand eller sekretær kan gøre det.');
    const stored = await running.storage.storage.fora.findById(forum.id);
    expect(stored?.teams).toBeUndefined();
    expect(stored?.version).toBe(forum.version);
  });

  test('given tilknyt in a personal chat then the reply explains that it needs a channel', async () => {
    const forum = await seedForum();
    const reply = await say(aPersonalChat(), chair, `tilknyt ${forum.name}`);
    expect(reply['text']).toBe('Tilknyt virker kun i en kanal i et team. Skriv kommandoen i den kanal, forummet skal bruge.');
    expect((await running.storage.storage.fora.findById(forum.id))?.teams).toBeUndefined();
  });

  test('given a forum name nobody knows then a card says so and offers the fora to choose from', async () => {
    const forum = await seedForum();
    const reply = await say(aChannel(), chair, 'tilknyt Forum der ikke findes');
    const card = (reply['attachments'] as { content: { body: Record<string, unknown>[]; actions?: unknown[] } }[])[0]!.content;
    expect(card.body[1]).toMatchObject({ text: 'Jeg kender ikke et forum, der hedder "Forum der ikke findes". Vælg et af disse:' });
    // A few fora as buttons, more as a list with one button: either way they link through forum.link.
    const offered = JSON.stringify([card.body.slice(2), card.actions ?? []]);
    expect(offered).toContain(forum.id);
    expect(offered).toContain('"verb":"forum.link"');
  });

  test('given tilknyt without a name in a channel then the fora card offers a choice', async () => {
    const forum = await seedForum();
    const reply = await say(aChannel(), chair, 'tilknyt');
    const card = (reply['attachments'] as { content: { body: Record<string, unknown>[]; actions: Record<string, unknown>[] } }[])[0]!.content;
    const choice = card.body.find((e) => e['type'] === 'Input.ChoiceSet') as { id: string; choices: { title: string; value: string }[] };
    expect(choice.id).toBe('forumId');
    expect(choice.choices).toContainEqual({ title: forum.name, value: forum.id });
    expect(card.actions[0]).toMatchObject({ type: 'Action.Execute', verb: 'forum.link' });
  });

  test('given fora in a personal chat from someone in no forum then the list shows each forum with its level and no link choice', async () => {
    const forum = await seedForum();
    const reply = await say(aPersonalChat(), aPerson('Ny medarbejder'), 'fora');
    const card = (reply['attachments'] as { content: { body: Record<string, unknown>[]; actions?: unknown[] } }[])[0]!.content;
    const rows = card.body.filter((e) => e['type'] === 'Container').map((c) => (c['items'] as { text: string }[]).map((i) => i.text));
    expect(rows).toContainEqual([forum.name, 'Strategisk niveau']);
    expect(card.body.some((e) => e['type'] === 'Input.ChoiceSet')).toBe(false);
    expect(card.actions).toBeUndefined();
  });
});
