import { maskCprNumbers } from '../../../domain/shared/cpr-guard';
import { describe, expect, test } from 'vitest';
import { aPersonalChat, type Person } from '../support/teams-activities';
import { cardActions, cardInputs, cardTexts, click, isErrorCard, seedWorld, useAgendaBot, type Card, type World } from './agenda-harness';
import { circulate, waitForCard } from './agenda-flow';
import { outboxDrained } from '../support/outbox-drained';
import { fieldMessage } from '../support/card-reading';

const f = useAgendaBot();

/** The consultant's own card as the outbox delivered it. */
async function consultantCard(world: World, person: Person): Promise<Card> {
  return (await waitForCard(f, world.chatOf(person), 'Dagsorden til input'))[0]!;
}

function submitData(card: Card, texts: Record<string, string>, noComments = false): Record<string, unknown> {
  const submit = cardActions(card).find((a) => a.verb === 'agenda.input.submit');
  expect(submit).toBeDefined();
  const fields: Record<string, unknown> = {};
  const wanted = [...cardInputs(card).keys()].filter((id) => id.startsWith('input.'));
  wanted.forEach((id, i) => (fields[id] = texts[String(i)] ?? ''));
  return { ...submit!.data, ...fields, noComments: String(noComments) };
}

describe('circulation to the SSP consultants', () => {
  test('given the chair circulates then every consultant of the fora below gets their own card with refresh, the deadline and a field per item wanting input', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 2);
    const { agenda } = await circulate(f, world);
    expect(agenda.circulation?.consultantIds.sort()).toEqual(world.consultants.map((c) => c.aadObjectId).sort());
    expect(agenda.circulation?.deadline).toBe('2030-03-05T11:00:00.000Z'); // 12:00 in Copenhagen (CET)
    for (const person of world.consultants) {
      const card = await consultantCard(world, person);
      expect(card.refresh?.userIds).toEqual([person.aadObjectId]);
      expect(card.refresh?.action.verb).toBe('agenda.input.view');
      expect([...cardInputs(card).keys()].filter((id) => id.startsWith('input.'))).toHaveLength(2);
      expect(cardTexts(card)).toContain('Frist for input: tirsdag 5. marts 2030 kl. 12.00');
    }
    // The progress card in the channel, live for chair and secretary.
    await f.emulator.waitFor((e) => e.sent(world.channel.conversationId).some((s) => String(s.activity['summary']).endsWith(': status')), 5_000);
    const status = f.emulator.sent(world.channel.conversationId).find((s) => String(s.activity['summary']).endsWith(': status'))!;
    const statusCard = (status.activity['attachments'] as { content: Card }[])[0]!.content;
    expect(statusCard.refresh?.userIds.sort()).toEqual([world.chair.aadObjectId, world.secretary.aadObjectId].sort());
    expect(cardTexts(statusCard)).toContain('0 af 4 har svaret');
  });

  test('given a consultant submits, comes back and changes the answer then the card confirms and only the new answer is stored', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const [ann] = world.consultants as [Person];
    const card = await consultantCard(world, ann);
    const saved = await click(f, aPersonalChat(), ann, 'agenda.input.submit', submitData(card, { 0: 'Flere unge ved stationen.', 1: 'Trygheden falder i Vejleåparken.' }));
    expect(cardTexts(saved)[0]).toBe('Dit input er gemt.');
    expect([...cardInputs(saved).values()]).toContain('Flere unge ved stationen.');
    expect(cardActions(saved).map((a) => a.title)).toEqual(['Gem ændringer']);

    const changed = await click(f, aPersonalChat(), ann, 'agenda.input.submit', submitData(saved, { 0: 'Færre unge ved stationen end i fjor.' }));
    expect(cardTexts(changed)[0]).toBe('Dit input er gemt.');
    const rows = await f.storage.storage.agendaInputs.listByAuthor(agenda.id, ann.aadObjectId);
    expect(rows.map((r) => r.text)).toEqual(['Færre unge ved stationen end i fjor.']);
    expect(rows[0]!.authorForumId).toBe(world.below[0]!.id);

    // Coming back later (refresh): the saved answer in the field.
    const view = await click(f, aPersonalChat(), ann, 'agenda.input.view', { forumId: world.kreds.id, agendaId: agenda.id });
    expect([...cardInputs(view).values()]).toContain('Færre unge ved stationen end i fjor.');
  });

  test.each([
    ['empty text', { 0: '   ' }, false, 'Skriv en tekst først.', undefined],
    ['over-long text', { 0: 'x'.repeat(4001), 1: 'Trygheden falder.' }, false, 'højst 4.000 tegn; teksten har 4.001', 0],
    ['a CPR number with dash', { 0: 'Drengen 010203-1234 er set igen', 1: 'Trygheden falder.' }, false, 'Teksten ligner et CPR-nummer: fjern nummeret, og send igen.', 0],
    ['a CPR number as ten digits', { 0: 'Flere unge ved stationen.', 1: 'se 2912991234' }, false, 'CPR-nummer', 1],
  ])('given %s then the same card comes back with every typed text and the reason beside the field, and nothing is written', async (_name, texts, noComments, message, field) => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const [ann] = world.consultants as [Person];
    const card = await click(f, aPersonalChat(), ann, 'agenda.input.view', { forumId: world.kreds.id, agendaId: agenda.id });
    const refused = await click(f, aPersonalChat(), ann, 'agenda.input.submit', submitData(card, texts as Record<string, string>, noComments));
    expect(isErrorCard(refused)).toBe(false);
    expect(cardActions(refused).map((a) => a.verb)).toEqual(['agenda.input.submit']);
    const ids = [...cardInputs(card).keys()].filter((id) => id.startsWith('input.'));
    for (const [i, text] of Object.entries(texts as Record<string, string>)) expect(cardInputs(refused).get(ids[Number(i)]!)).toBe(maskCprNumbers(text)); // kept, a CPR number blanked
    if (field === undefined) expect(cardTexts(refused).join('\n')).toContain(message);
    else expect(fieldMessage(refused, ids[field]!)).toContain(message);
    expect(await f.storage.storage.agendaInputs.listByAgenda(agenda.id)).toEqual([]);
  });

  test('given someone not on the circulation list (the chair, a mayor) then their input is refused and nothing is written', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const card = await click(f, aPersonalChat(), world.consultants[0]!, 'agenda.input.view', { forumId: world.kreds.id, agendaId: agenda.id });
    for (const person of [world.mayor, world.chair]) {
      const refused = await click(f, aPersonalChat(), person, 'agenda.input.submit', submitData(card, { 0: 'Mit input' }));
      expect(cardTexts(refused)[1]).toBe('Dagsordenen er ikke sendt til dig til input.');
      const view = await click(f, aPersonalChat(), person, 'agenda.input.view', { forumId: world.kreds.id, agendaId: agenda.id });
      expect(isErrorCard(view)).toBe(true);
    }
    expect(await f.storage.storage.agendaInputs.listByAgenda(agenda.id)).toEqual([]);
  });

  test('given the agenda changed since the card was sent then the new version comes back with the typed text kept and nothing is written', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda, chat, editor } = await circulate(f, world);
    const [ann] = world.consultants as [Person];
    const card = await consultantCard(world, ann);
    // The chair renames the first item after circulating.
    const first = agenda.items[0]!;
    await click(f, chat, world.chair, 'agenda.item.save', {
      forumId: world.kreds.id,
      agendaId: agenda.id,
      revision: agenda.revision,
      itemId: first.id,
      [`title.${first.id}`]: 'Lukketider – nyt forslag',
      [`description.${first.id}`]: first.description,
      [`wanted.${first.id}`]: 'true',
    });
    expect(editor).toBeDefined();
    const stale = await click(f, aPersonalChat(), ann, 'agenda.input.submit', submitData(card, { 0: 'Min tekst, som ikke må gå tabt.' }));
    expect(cardTexts(stale)[0]).toContain('Dagsordenen er ændret, siden kortet blev sendt');
    expect(cardTexts(stale)).toContain('**1. Lukketider – nyt forslag**');
    expect(cardInputs(stale).get(`input.${first.id}`)).toBe('Min tekst, som ikke må gå tabt.');
    expect(await f.storage.storage.agendaInputs.listByAgenda(agenda.id)).toEqual([]);
    // Sent again from the new card: saved.
    const saved = await click(f, aPersonalChat(), ann, 'agenda.input.submit', submitData(stale, { 0: 'Min tekst, som ikke må gå tabt.' }));
    expect(cardTexts(saved)[0]).toBe('Dit input er gemt.');
  });

  test('given the deadline passed then input is refused, the card turns read-only, and the final briefing goes to chair and secretary', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const [ann, bo] = world.consultants as [Person, Person];
    const card = await click(f, aPersonalChat(), ann, 'agenda.input.view', { forumId: world.kreds.id, agendaId: agenda.id });
    await click(f, aPersonalChat(), ann, 'agenda.input.submit', submitData(card, { 0: 'Input før fristen.' }));

    f.clock.set('2030-03-05T11:00:01.000Z');
    const late = await click(f, aPersonalChat(), bo, 'agenda.input.submit', submitData(card, { 0: 'For sent.' }));
    // The card itself comes back (now read-only), saying why: no error card.
    expect(isErrorCard(late)).toBe(false);
    expect(cardTexts(late)[0]).toBe('Fristen for input til dagsordenen er overskredet.');
    const readOnly = await click(f, aPersonalChat(), ann, 'agenda.input.view', { forumId: world.kreds.id, agendaId: agenda.id });
    expect(cardActions(readOnly)).toEqual([]);
    expect([...cardInputs(readOnly).keys()]).toEqual([]);
    expect(cardTexts(readOnly)).toContain('Fristen er udløbet. Kortet kan ikke længere ændres.');
    expect(cardTexts(readOnly)).toContain('Dit input: Input før fristen.');

    await f.app.scheduler.runAll();
    await f.app.scheduler.runAll(); // a second run (or instance) sends nothing new
    const [briefing] = await waitForCard(f, world.chatOf(world.chair), 'Briefing til');
    await waitForCard(f, world.chatOf(world.secretary), 'Briefing til');
    expect(cardTexts(briefing!)).toContain(`**${ann.name}** (${world.below[0]!.name}): Input før fristen.`);
    expect(cardTexts(briefing!).some((t) => t.includes(`Svarede ikke:** ${bo.name}`))).toBe(true);
    await outboxDrained(f.storage.storage);
    expect(f.emulator.sent(world.chatOf(world.chair)).filter((s) => String(s.activity['summary']).startsWith('Briefing til'))).toHaveLength(1);
    expect(await f.storage.storage.agendaInputs.listByAuthor(agenda.id, bo.aadObjectId)).toEqual([]);
  });
});
