/**
 * Escalation through the real bot over HTTP: invokes go to /api/messages, proactive cards go
 * through the outbox to the Teams connector emulator, everything is stored in Azurite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldMessage, inputValue } from '../support/card-reading';
import { ESCALATION_VERBS } from '../../../cards/escalation.card';
import type { Escalation } from '../../../domain/escalations/escalation';
import { useRunningBot } from '../support/bot-harness';
import { aMessage } from '../support/teams-activities';
import { aChain, buttonTitles, cardTexts, click, isErrorCard, personalChatOf, sentCards, type Chain } from './escalations.support';

const running = useRunningBot();

beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const RAISE = { title: 'Flere unge samles ved stationen om aftenen', description: 'Tendens de sidste tre uger; butikkerne melder om tyverier.', category: 'trend', urgency: 'normal' };

async function raise(chain: Chain): Promise<Escalation> {
  const card = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, { ...RAISE, originForumId: chain.origin.forum.id });
  expect(isErrorCard(card)).toBe(false);
  const [escalation] = await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id);
  expect(escalation).toBeDefined();
  return escalation!;
}

const act = (chain: Chain, who: Chain['raiser'], escalation: Pick<Escalation, 'id'>, action: string, step: number, extra: Record<string, unknown> = {}) =>
  click(running, personalChatOf(chain, who), who, ESCALATION_VERBS.act, { escalationId: escalation.id, action, step, ...extra });

const waitFor = (predicate: () => boolean) => running.emulator.waitFor(predicate, 10_000);

describe('escalation up the chain and the decision back down', () => {
  test('given a consultant raises from SSP-netværk, Koordinationsgruppen acknowledges and escalates, Lokalråd resolves then the raiser gets the decision and the deciding forum sees who has read it', async () => {
    const chain = await aChain(running);
    const [karen, kim] = chain.managers as [Chain['raiser'], Chain['raiser']];

    // `eskaler` in the personal chat with words gives the form, with the origin forum offered.
    const reply = await running.bot.post(aMessage(running.emulator.serviceUrl, personalChatOf(chain, chain.raiser), chain.raiser, 'eskaler Uro ved stationen'));
    expect(reply.status).toBe(200);

    const raised = await raise(chain);
    expect(raised).toMatchObject({ state: 'raised', currentForumId: chain.middle!.forum.id, path: [chain.origin.forum.id, chain.middle!.forum.id] });

    // Each manager of Koordinationsgruppen gets a personal card with the actions; the channel gets the case.
    await waitFor(() => chain.managers.every((m) => running.emulator.sent(personalChatOf(chain, m).conversationId).length === 1) && running.emulator.sent(chain.middle!.channel.conversationId).length === 1);
    const karensCard = sentCards(running, personalChatOf(chain, karen).conversationId)[0]!;
    expect(cardTexts(karensCard)).toContain(RAISE.title);
    expect(buttonTitles(karensCard)).toEqual(['Kvittér', 'Stil spørgsmål', 'Eskaler videre', 'Opdater']);
    expect(buttonTitles(sentCards(running, chain.middle!.channel.conversationId)[0]!)).toEqual(['Opdater']);

    // The raiser is no manager: acknowledging is refused with the shared text.
    const refused = await act(chain, chain.raiser, raised, 'acknowledge', 1);
    expect(isErrorCard(refused)).toBe(true);
    expect(cardTexts(refused)).toContain('Kun en leder i forummet kan gøre det.');

    const acknowledged = await act(chain, karen, raised, 'acknowledge', 1);
    expect(cardTexts(acknowledged)[0]).toBe('Gemt. Sagen står nu som: Kvitteret.');

    // Two managers escalate at once: one wins, the other sees who won and the case as it is; one step only.
    const [a, b] = await Promise.all([
      act(chain, karen, raised, 'escalate', 2, { note: 'Kræver ressourcer på tværs af centre' }),
      act(chain, kim, raised, 'escalate', 2, { note: 'Bør løftes til Lokalrådet' }),
    ]);
    const notices = [cardTexts(a)[0], cardTexts(b)[0]];
    // The winner is also told which managers above really got the case.
    expect(notices.filter((n) => n?.startsWith('Gemt. Sagen står nu som: Afventer kvittering. Sagen ligger nu hos ') === true && /Sendt til \d+ af \d+ ledere?/.test(n))).toHaveLength(1);
    expect(notices.filter((n) => n?.startsWith('En anden nåede at handle først. Sagen står nu som: Afventer kvittering.'))).toHaveLength(1);
    const history = await running.storage.storage.escalations.history(raised.id);
    expect(history.map((s) => s.action)).toEqual(['raise', 'acknowledge', 'escalate']);
    expect(['Kræver ressourcer på tværs af centre', 'Bør løftes til Lokalrådet']).toContain(history[2]!.note);

    // Lokalråd's manager gets the case, acknowledges and resolves it.
    await waitFor(() => running.emulator.sent(personalChatOf(chain, chain.topManager).conversationId).length === 1);
    await act(chain, chain.topManager, raised, 'acknowledge', 3);
    const resolved = await act(chain, chain.topManager, raised, 'resolve', 4, { note: 'Ekstra gadeplansindsats i uge 10' });
    expect(cardTexts(resolved)[0]).toBe('Gemt. Sagen står nu som: Afgjort. Beslutningen til den, der rejste sagen: Sendt til 1 af 1 modtager.');

    // The decision goes to the raiser and to the channel of every forum the case passed through.
    const raiserChat = personalChatOf(chain, chain.raiser).conversationId;
    const decisions = (conversationId: string) => running.emulator.sent(conversationId).filter((s) => String(s.activity['summary']).startsWith('Beslutning i sagen'));
    await waitFor(() => decisions(raiserChat).length === 1 && [chain.origin, chain.middle!, chain.top].every((f) => decisions(f.channel.conversationId).length === 1));
    const decision = (decisions(raiserChat)[0]!.activity['attachments'] as { content: unknown }[])[0]!.content as Parameters<typeof cardTexts>[0] & { actions: { title: string }[] };
    expect(cardTexts(decision)).toEqual(expect.arrayContaining([`Beslutning fra ${chain.top.forum.name}`, '**Beslutning:** Ekstra gadeplansindsats i uge 10']));
    expect(decision.actions.map((a) => a.title)).toEqual(['Læst', 'Vis sagen']);

    const seen = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.seen, { escalationId: raised.id });
    expect(cardTexts(seen)).toContain('Du har markeret beslutningen som læst.');
    const deciding = await click(running, personalChatOf(chain, chain.topManager), chain.topManager, ESCALATION_VERBS.view, { escalationId: raised.id });
    expect(cardTexts(deciding)).toEqual(expect.arrayContaining([`**Læst af:** ${chain.raiser.name}`, `**Mangler at læse:** ${[karen.name, kim.name].sort((x, y) => x.localeCompare(y, 'da')).join(', ')}`]));

    // Karen's first card is updated in place as the case moved on (no new message to her for those steps).
    await waitFor(() => running.emulator.updates(personalChatOf(chain, karen).conversationId).length >= 1);
    expect(running.emulator.sent(personalChatOf(chain, karen).conversationId)).toHaveLength(1);
    expect(await running.storage.storage.escalations.findById(raised.id)).toMatchObject({ state: 'resolved', decision: 'Ekstra gadeplansindsats i uge 10', currentForumId: chain.top.forum.id });
  });

  test('given a manager asks the raiser a question then the raiser answers on the card and the answer shows on the managers\' case', async () => {
    const chain = await aChain(running);
    const karen = chain.managers[0]!;
    const raised = await raise(chain);
    await act(chain, karen, raised, 'ask', 1, { note: 'Hvor mange unge drejer det sig om?' });
    const raiserChat = personalChatOf(chain, chain.raiser).conversationId;
    await waitFor(() => running.emulator.sent(raiserChat).length === 1);
    const question = sentCards(running, raiserChat)[0]!;
    expect(cardTexts(question)[0]).toBe(`${karen.name} spørger: Hvor mange unge drejer det sig om?`);
    expect(buttonTitles(question)).toEqual(['Send svar', 'Opdater']);

    const answered = await act(chain, chain.raiser, raised, 'answer', 2, { note: 'Omkring 15, mest fra udskolingen' });
    expect(cardTexts(answered)[0]).toBe('Gemt. Sagen står nu som: Kvitteret.');
    const karensView = await click(running, personalChatOf(chain, karen), karen, ESCALATION_VERBS.view, { escalationId: raised.id });
    expect(cardTexts(karensView).some((line) => line.endsWith(`${chain.raiser.name} svarede: Omkring 15, mest fra udskolingen`))).toBe(true);
  });

  test('given a case returned with a task then the task becomes an action item of the forum below, and a closed case refuses further steps', async () => {
    const chain = await aChain(running);
    const karen = chain.managers[0]!;
    const raised = await raise(chain);
    await act(chain, karen, raised, 'acknowledge', 1);
    const returned = await act(chain, karen, raised, 'return', 2, { note: 'Løses lokalt med skolerne', taskTitle: 'Aftal ekstra voksne ved stationen', taskDue: '2026-12-01' });
    expect(cardTexts(returned)[0]).toBe('Gemt. Sagen står nu som: Sendt tilbage. Beslutningen til den, der rejste sagen: Sendt til 1 af 1 modtager.');
    const items = await running.storage.storage.actionItems.listByForum(chain.origin.forum.id);
    expect(items).toEqual([expect.objectContaining({ title: 'Aftal ekstra voksne ved stationen', dueDate: '2026-12-01', escalationId: raised.id, owner: expect.objectContaining({ userId: chain.raiser.aadObjectId }) })]);

    const again = await act(chain, karen, raised, 'resolve', 3, { note: 'Alligevel' });
    // The case card comes back saying why, with the typed note kept: no error card.
    expect(isErrorCard(again)).toBe(false);
    expect(cardTexts(again).join('\n')).toContain('Sagen er afsluttet.');
  });

  test('given a description with a CPR number then nothing is raised and the form comes back with title and description typed and the reason under the description', async () => {
    const chain = await aChain(running);
    const card = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, { ...RAISE, description: 'Drengen 010203-1234', originForumId: chain.origin.forum.id });
    expect(isErrorCard(card)).toBe(false);
    expect(fieldMessage(card, 'description')).toContain('CPR-nummer');
    expect([inputValue(card, 'title'), inputValue(card, 'description')]).toEqual([RAISE.title, 'Drengen ••••••-••••']);
    const long = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.raise, { ...RAISE, title: 'x'.repeat(201), originForumId: chain.origin.forum.id });
    expect(fieldMessage(long, 'title')).toBe('Teksten er for lang: højst 200 tegn; teksten har 201. Gør den kortere, og send igen.');
    expect(await running.storage.storage.escalations.listByOriginForum(chain.origin.forum.id)).toEqual([]);
  });

  test('given `eskaler` without words in a personal chat then the raiser sees their case and the manager sees it waiting', async () => {
    const chain = await aChain(running);
    await raise(chain);
    const list = async (who: Chain['raiser']): Promise<string[]> => {
      const chat = personalChatOf(chain, who);
      const before = running.emulator.sent(chat.conversationId).length;
      const { status, body } = await running.bot.post(aMessage(running.emulator.serviceUrl, chat, who, 'eskaler'));
      expect(status).toBe(200);
      // The reply goes back on the turn (connector emulator), after any proactive cards.
      void body;
      await waitFor(() => running.emulator.sent(chat.conversationId).some((s, i) => i >= before && s.activity['summary'] === 'Dine eskalerede sager'));
      const replyCard = running.emulator.sent(chat.conversationId).filter((s) => s.activity['summary'] === 'Dine eskalerede sager').at(-1)!;
      listed = (replyCard.activity['attachments'] as { content: unknown }[])[0]!.content;
      return cardTexts(listed);
    };
    let listed: unknown;
    const line = `${RAISE.title} · Afventer kvittering · ${chain.middle!.forum.name}`;
    const acknowledgedLine = `${RAISE.title} · Kvitteret · ${chain.middle!.forum.name}`;
    const raiserSees = await list(chain.raiser);
    expect(raiserSees.slice(raiserSees.indexOf('**Sager du har rejst**'))).toContain(line);
    const managerSees = await list(chain.managers[0]!);
    expect(managerSees.slice(managerSees.indexOf('**Sager der venter på dig**'), managerSees.indexOf('**Sager du har rejst**'))).toContain(line);

    // "Vis" opens the case in place of the list; "Tilbage til listen" brings the list back (also after a refresh).
    const manager = chain.managers[0]!;
    const chat = personalChatOf(chain, manager);
    const show = JSON.stringify(listed).match(/"verb":"escalation\.view","data":(\{[^}]*\})/);
    const caseCard = await click(running, chat, manager, ESCALATION_VERBS.view, JSON.parse(show![1]!) as Record<string, unknown>);
    expect(cardTexts(caseCard)).toContain(RAISE.title);
    const back = (caseCard.actions as { title: string; verb: string; data: Record<string, unknown> }[]).find((a) => a.title === 'Tilbage til listen')!;
    expect(back).toMatchObject({ verb: ESCALATION_VERBS.list, associatedInputs: 'none' });
    const refreshed = await click(running, chat, manager, ESCALATION_VERBS.view, (caseCard as { refresh?: { action: { data: Record<string, unknown> } } }).refresh?.action.data ?? (caseCard.actions as { title: string; data: Record<string, unknown> }[]).find((a) => a.title === 'Opdater')!.data);
    expect((refreshed.actions as { title: string }[]).map((a) => a.title)).toContain('Tilbage til listen');
    // A step taken on it keeps the way back too.
    const acknowledge = JSON.stringify(refreshed).match(/"title":"Kvittér","verb":"escalation\.act","data":(\{[^}]*\})/) ?? JSON.stringify(refreshed).match(/"verb":"escalation\.act","data":(\{[^}]*"action":"acknowledge"[^}]*\})/);
    const acknowledged = await click(running, chat, manager, ESCALATION_VERBS.act, JSON.parse(acknowledge![1]!) as Record<string, unknown>);
    expect(cardTexts(acknowledged).join(' ')).toContain('Kvitteret');
    expect((acknowledged.actions as { title: string }[]).map((a) => a.title)).toContain('Tilbage til listen');
    const again = cardTexts(await click(running, chat, manager, back.verb, back.data));
    expect(again.slice(again.indexOf('**Sager der venter på dig**'), again.indexOf('**Sager du har rejst**'))).toContain(acknowledgedLine);
    // A case card that did not come from the list (the notification) has no way back to it.
    const { fromList: _fromList, ...plain } = JSON.parse(show![1]!) as Record<string, unknown>;
    expect((await click(running, chat, manager, ESCALATION_VERBS.view, plain)).actions as { title: string }[]).not.toContainEqual(expect.objectContaining({ title: 'Tilbage til listen' }));
  });

  test('given `eskaler` in a channel linked to SSP-netværk, or the "Eskaler" button of an agenda item, then the form comes with that forum chosen and the title filled in', async () => {
    const chain = await aChain(running);
    const inChannel = await running.bot.post(aMessage(running.emulator.serviceUrl, chain.origin.channel, chain.raiser, 'eskaler', { mention: true }));
    expect(inChannel.status).toBe(200);
    // The reply goes to the thread the mention started (`<channel>;messageid=…`).
    const inThread = () => running.emulator.sent().filter((s) => s.conversationId.startsWith(chain.origin.channel.conversationId) && s.activity['summary'] === 'Eskaler en sag');
    await waitFor(() => inThread().length === 1);
    const form = inThread()[0]!;
    const inputs = ((form.activity['attachments'] as { content: { body: Record<string, unknown>[] } }[])[0]!.content.body);
    expect(inputs.find((e) => e['id'] === 'originForumId')).toMatchObject({ value: chain.origin.forum.id });

    const fromAgendaItem = await click(running, personalChatOf(chain, chain.raiser), chain.raiser, ESCALATION_VERBS.form, { forumId: chain.origin.forum.id, title: 'Lukketider for udskænkningssteder' });
    expect(fromAgendaItem.body.find((e) => e['id'] === 'title')).toMatchObject({ value: 'Lukketider for udskænkningssteder' });
    expect(fromAgendaItem.body.find((e) => e['id'] === 'originForumId')).toMatchObject({ value: chain.origin.forum.id });
  });
});
