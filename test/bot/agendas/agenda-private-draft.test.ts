import { describe, expect, test } from 'vitest';
import { cardOf, cardTexts, click, say, seedWorld, useAgendaBot, type Card } from './agenda-harness';
import { dataOf, waitForCard } from './agenda-flow';
import { aMessage, aPersonalChat, type Person, type Where } from '../support/teams-activities';

const f = useAgendaBot();

/** What the bot posted in a conversation, in any of a channel's threads. */
const postedIn = (conversationId: string) => f.emulator.sent().filter((s) => s.conversationId.split(';messageid=')[0] === conversationId);

/** Everything the channel has seen so far, as one text (posts and in-place updates). */
const channelText = (conversationId: string): string =>
  JSON.stringify([...postedIn(conversationId), ...f.emulator.updates().filter((u) => u.conversationId.split(';messageid=')[0] === conversationId)].map((s) => s.activity));

/** A typed @mention in a channel or group chat; the bot's one reply there. */
async function sayThere(where: Where, person: Person, text: string): Promise<Record<string, unknown>> {
  const before = postedIn(where.conversationId).length;
  expect((await f.post(aMessage(f.emulator.serviceUrl, where, person, text, { mention: true }))).status).toBe(200);
  await f.emulator.waitFor(() => postedIn(where.conversationId).length > before, 5_000);
  return postedIn(where.conversationId)[before]!.activity;
}

describe('dagsorden: the draft is private until published', () => {
  test('given the chair types dagsorden in the forum channel then the editor arrives in her own chat and the channel gets only a note', async () => {
    const world = await seedWorld(f, 1);
    const reply = await sayThere(world.channel, world.chair, 'dagsorden');
    expect(reply['attachments']).toBeUndefined();
    expect(reply['text']).toBe(
      `Dagsordenen for ${world.kreds.name} redigeres i din personlige chat med Forumbot – jeg har sendt den dertil. Kladden ses kun af formand og sekretær; kanalen får dagsordenen, når den er offentliggjort.`,
    );
    const [editor] = (await waitForCard(f, world.chatOf(world.chair), `Rediger dagsorden – ${world.kreds.name}`)) as [Card];
    expect(cardTexts(editor)[0]).toBe(`Ny dagsorden – ${world.kreds.name}`);

    // Built in her chat (the buttons answer there), nothing of the draft reaches the channel.
    const chat = { kind: 'personal' as const, conversationId: world.chatOf(world.chair) };
    let card = await click(f, chat, world.chair, 'agenda.create', { ...dataOf(editor, 'agenda.create'), meetingDate: '2030-03-12', meetingTime: '10:00' });
    card = await click(f, chat, world.chair, 'agenda.item.add', { ...dataOf(card, 'agenda.item.add'), newTitle: 'Hemmeligt udkast om stationen', newDescription: '', newPresenter: '', newUrl: '' });
    expect(JSON.stringify(card)).toContain('Hemmeligt udkast om stationen');
    await new Promise((resolve) => setTimeout(resolve, 300)); // the outbox polls every 50 ms
    expect(channelText(world.channel.conversationId)).not.toContain('Hemmeligt udkast');
    expect(postedIn(world.channel.conversationId)).toHaveLength(1); // the note only

    // Published: now the channel sees the agenda.
    await click(f, chat, world.chair, 'agenda.publish', dataOf(card, 'agenda.publish'));
    await f.emulator.waitFor(() => postedIn(world.channel.conversationId).length >= 2, 5_000);
    const posted = postedIn(world.channel.conversationId)[1]!;
    expect(posted.activity['summary']).toBe(`Dagsorden – ${world.kreds.name}`);
    expect(JSON.stringify(cardOf(posted.activity))).toContain('Hemmeligt udkast om stationen');
  });

  test('given the secretary types dagsorden in a group chat then the editor goes to her own chat, and in her own chat it is the reply itself', async () => {
    const world = await seedWorld(f, 1);
    const group = { kind: 'groupChat' as const, conversationId: `19:${world.kreds.id}-group@thread.v2` };
    const reply = await sayThere(group, world.secretary, `dagsorden ${world.kreds.name}`);
    expect(reply['attachments']).toBeUndefined();
    expect(String(reply['text'])).toContain('redigeres i din personlige chat');
    await waitForCard(f, world.chatOf(world.secretary), `Rediger dagsorden – ${world.kreds.name}`);

    const direct = await say(f, aPersonalChat(), world.secretary, `dagsorden ${world.kreds.name}`);
    expect(cardTexts(cardOf(direct))[0]).toBe(`Ny dagsorden – ${world.kreds.name}`);
  });

  test('given a member who edits nothing types dagsorden in the channel then no editor is sent to anyone', async () => {
    const world = await seedWorld(f, 1);
    const reply = await sayThere(world.channel, world.mayor, 'dagsorden');
    expect(String(reply['text'])).toContain('har ingen offentliggjort dagsorden');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.emulator.sent(world.chatOf(world.mayor))).toHaveLength(0);
  });
});
