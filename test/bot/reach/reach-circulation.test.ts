import { describe, expect, test } from 'vitest';
import { cardTexts, click, type Card } from '../agendas/agenda-harness';
import { buildAndPublish, dataOf } from '../agendas/agenda-flow';
import { aMessage, botAdded, installationUpdate, type Channel, type Person } from '../support/teams-activities';
import { aMember } from '../../storage/storage.mothers';
import { personalChatOf, seedReachWorld, useReachBot, type ReachFixture, type ReachWorld } from './reach-fixture';

/**
 * Issue 12 end to end over HTTP: the app is added to the team (General only), the chair links the
 * Kredsråd channel with `tilknyt` and circulates to three consultants who reach the bot three
 * different ways. Every count the chair reads is of deliveries.
 */
/** What the bot posted in a channel, in any of its threads. */
const postsIn = (f: ReachFixture, channel: Channel): Record<string, unknown>[] =>
  f.emulator.sent().filter((s) => s.conversationId.split(';messageid=')[0] === channel.conversationId).map((s) => s.activity);

/** A message with an @mention in a channel, and the bot's one reply there. */
async function sayInChannel(f: ReachFixture, channel: Channel, from: Person, text: string): Promise<Record<string, unknown>> {
  const before = postsIn(f, channel).length;
  expect((await f.post(aMessage(f.emulator.serviceUrl, channel, from, text, { mention: true }))).status).toBe(200);
  await f.emulator.waitFor(() => postsIn(f, channel).length > before, 5_000);
  return postsIn(f, channel)[before]!;
}

async function linkAndCirculate(f: ReachFixture): Promise<{ world: ReachWorld; editor: Card; agendaId: string }> {
  const world = await seedReachWorld(f);
  expect((await f.post(botAdded(f.emulator.serviceUrl, world.general, world.chair))).status).toBe(200);
  // The roster was read on install: the team member without a chat is known now.
  expect(await f.storage.storage.teamRosters.findMember(world.rosterOnly.aadObjectId)).toMatchObject({ teamsId: world.rosterOnly.teamsId });

  const linked = await sayInChannel(f, world.kredsraad, world.chair, `tilknyt ${world.kreds.name}`);
  expect(JSON.stringify(linked)).toContain(world.kreds.name);
  expect((await f.storage.storage.fora.findById(world.kreds.id))?.teams?.conversationId).toBe(world.kredsraad.conversationId);

  const built = await buildAndPublish(f, { kreds: world.kreds, chair: world.chair } as never);
  const editor = await click(f, built.chat, world.chair, 'agenda.circulate', { ...dataOf(built.editor, 'agenda.circulate'), deadlineDate: '2030-03-05', deadlineTime: '12:00', consultantForumIds: '', reminderHours: '24' });
  return { world, editor, agendaId: built.agenda.id };
}

const cardsIn = (f: ReachFixture, chatId: string): number => f.emulator.sent(chatId).filter((s) => String(s.activity['summary'] ?? '').startsWith('Dagsorden til input')).length;

/** "Sendt til N" must never claim more than were delivered. */
function assertNoOverclaim(texts: string[], delivered: number): void {
  for (const text of texts) {
    const claimed = /sendt til (\d+)/i.exec(text);
    if (claimed !== null) expect(Number(claimed[1]), text).toBeLessThanOrEqual(delivered);
  }
}

describe('reach with Graph installation on', () => {
  const f = useReachBot({ graphInstall: true });

  test('given consultants with a chat, only on the team roster, and only in the directory then all three get their card, the Kredsråd channel (not General) gets the posts, and the chair reads "Sendt til 3 af 3"', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const { world, editor } = await linkAndCirculate(f);
    expect(cardTexts(editor)[0]).toBe('Indhentning af input er startet. Sendt til 3 af 3 konsulenter.');
    for (const person of [world.withChat, world.rosterOnly, world.aadOnly]) expect(cardsIn(f, world.chatOf(person)), person.name).toBe(1);
    expect(f.graph.stats().installs).toBe(1);

    // The agenda and the progress card were posted in the linked channel, though Teams told the bot only of General.
    await f.emulator.waitFor(() => postsIn(f, world.kredsraad).filter((a) => String(a['summary'] ?? '').startsWith('Dagsorden –') || String(a['summary'] ?? '').startsWith('Input til dagsorden')).length >= 2, 5_000);
    expect(postsIn(f, world.general).map((a) => String(a['summary'] ?? ''))).toEqual([expect.stringMatching(/velkommen|Velkommen|Forumbot/)]);
  });
});

describe('reach with Graph installation off', () => {
  const f = useReachBot({ graphInstall: false });

  test('given the one only in the directory then the chair is told 2 of 3 and why; once that person opens Forumbot the card arrives by itself, and "send again" sends nothing twice', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const { world, editor, agendaId } = await linkAndCirculate(f);
    const notice = cardTexts(editor)[0] ?? '';
    expect(notice).toBe('Indhentning af input er startet. Sendt til 2 af 3 konsulenter; 1 kan ikke nås endnu.');
    assertNoOverclaim(cardTexts(editor), 2);
    expect(cardsIn(f, world.chatOf(world.aadOnly))).toBe(0);

    const ref = { forumId: world.kreds.id, agendaId };
    const status = await click(f, personalChatOf(world, world.chair), world.chair, 'agenda.circulation.view', ref);
    const texts = cardTexts(status);
    expect(texts).toContain('Sendt til 2 af 3 konsulenter; 1 kan ikke nås endnu.');
    expect(texts.join('\n')).toContain('**Jonas Berg**: Jonas Berg har ikke Forumbot endnu. Bed Jonas Berg åbne Forumbot i Teams');
    expect(dataOf(status, 'agenda.circulation.resend')).toEqual(ref);
    assertNoOverclaim(texts, 2);

    // Jonas opens Forumbot: Teams installs it for him and tells the bot.
    f.emulator.setUser(world.aadOnly.aadObjectId, { installed: true });
    expect((await f.post(installationUpdate(f.emulator.serviceUrl, personalChatOf(world, world.aadOnly), world.aadOnly, 'add'))).status).toBe(200);
    await f.emulator.waitFor(() => cardsIn(f, world.chatOf(world.aadOnly)) === 1, 10_000);

    const after = await click(f, personalChatOf(world, world.chair), world.chair, 'agenda.circulation.view', ref);
    expect(cardTexts(after)).toContain('Sendt til 3 af 3 konsulenter.');
    const resent = await click(f, personalChatOf(world, world.chair), world.chair, 'agenda.circulation.resend', ref);
    expect(cardTexts(resent)[0]).toBe('Der var ingen at sende igen til lige nu.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cardsIn(f, world.chatOf(world.aadOnly))).toBe(1);
  });

  test('given the one only in the directory writes to Forumbot and Teams never sent the install event then the waiting card arrives in that chat all the same', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const { world } = await linkAndCirculate(f);
    expect(cardsIn(f, world.chatOf(world.aadOnly))).toBe(0);

    // Jonas opens Forumbot and types; the installationUpdate was lost on the way.
    f.emulator.setUser(world.aadOnly.aadObjectId, { installed: true });
    const chat = personalChatOf(world, world.aadOnly);
    expect((await f.post(aMessage(f.emulator.serviceUrl, chat, world.aadOnly, 'hjælp'))).status).toBe(200);
    await f.emulator.waitFor(() => cardsIn(f, world.chatOf(world.aadOnly)) === 1, 10_000);
    expect(await f.storage.storage.conversations.findById(chat.conversationId)).toMatchObject({ kind: 'personal', userId: world.aadOnly.aadObjectId, active: true });

    // A second message sends nothing twice, and no welcome card follows: he is using the bot already.
    expect((await f.post(aMessage(f.emulator.serviceUrl, chat, world.aadOnly, 'hjælp'))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cardsIn(f, world.chatOf(world.aadOnly))).toBe(1);
    expect(f.emulator.sent(world.chatOf(world.aadOnly)).some((s) => /velkommen/i.test(String(s.activity['summary'] ?? '')))).toBe(false);
  });

  test('given the app was taken out of the team after tilknyt then publishing says the card did not reach the channel, and the chair is told in her chat', async () => {
    const world = await seedReachWorld(f);
    expect((await f.post(botAdded(f.emulator.serviceUrl, world.general, world.chair))).status).toBe(200);
    await sayInChannel(f, world.kredsraad, world.chair, `tilknyt ${world.kreds.name}`);
    // Peter has opened Forumbot; the team loses the app without the bot hearing of it.
    f.emulator.setUser(world.chair.aadObjectId, { installed: true });
    expect((await f.post(installationUpdate(f.emulator.serviceUrl, personalChatOf(world, world.chair), world.chair, 'add'))).status).toBe(200);
    f.emulator.setTeamInstalled(world.general.teamId, false);

    const built = await buildAndPublish(f, { kreds: world.kreds, chair: world.chair } as never);
    const notice = cardTexts(built.editor)[0] ?? '';
    expect(notice).toMatch(/^Dagsordenen er offentliggjort, men kortet nåede ikke forummets kanal: Forumbot er ikke installeret hos modtageren\./);
    expect(notice).not.toBe('Dagsordenen er offentliggjort i forummets kanal.');
    await f.emulator.waitFor((e) => e.sent(world.chatOf(world.chair)).some((s) => String(s.activity['text'] ?? '').startsWith(`Opslaget i ${world.kreds.name}s kanal blev ikke leveret`)), 10_000);
  });

  test('given a case raised to a forum whose one manager never opened Forumbot then the raiser reads "Sendt til 0 af 1 leder" and what to do, never that it was sent', async () => {
    const world = await seedReachWorld(f);
    await f.storage.storage.members.save(world.kreds.id, aMember({ userId: world.aadOnly.aadObjectId, displayName: world.aadOnly.name, roles: ['manager'] }));
    const raised = await click(f, personalChatOf(world, world.withChat), world.withChat, 'escalation.raise', {
      title: 'Flere butikstyverier i centret',
      description: 'Tendens de sidste tre uger.',
      category: 'trend',
      urgency: 'normal',
      originForumId: world.below.id,
    });
    const notice = cardTexts(raised).find((text) => text.startsWith('Sagen ligger nu hos')) ?? '';
    expect(notice).toContain(`Sagen ligger nu hos ${world.kreds.name}. Sendt til 0 af 1 leder; 1 kan ikke nås endnu.`);
    expect(notice).toContain('Jonas Berg har ikke Forumbot endnu.');
    assertNoOverclaim(cardTexts(raised), 0);
  });
});

