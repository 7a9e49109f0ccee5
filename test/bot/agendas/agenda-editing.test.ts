import { describe, expect, test, vi } from 'vitest';
import { aMeetingSeries } from '../../storage/storage.mothers';
import { aPersonalChat } from '../support/teams-activities';
import { cardActions, cardOf, cardTexts, click, isErrorCard, say, seedWorld, useAgendaBot } from './agenda-harness';
import { buildAndPublish, dataOf, ITEMS } from './agenda-flow';
import { fieldMessage, inputValue } from '../support/card-reading';

const f = useAgendaBot();

describe('dagsorden: building and publishing', () => {
  test('given the chair builds three items and publishes then the agenda card is posted once in the channel, in order', async () => {
    const world = await seedWorld(f, 1);
    const { agenda, editor } = await buildAndPublish(f, world);
    expect(agenda.state).toBe('published');
    expect(agenda.items.map((i) => [i.title, i.inputWanted])).toEqual(ITEMS.map((i) => [i.title, i.wanted]));
    expect(agenda.circulationEnabled).toBe(true);
    expect(cardTexts(editor)[0]).toBe('Dagsordenen er offentliggjort i forummets kanal.');
    await f.emulator.waitFor((e) => e.sent(world.channel.conversationId).length >= 1, 5_000);
    const posted = f.emulator.sent(world.channel.conversationId);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.activity['summary']).toBe(`Dagsorden – ${world.kreds.name}`);
    const texts = cardTexts(cardOf(posted[0]!.activity));
    expect(texts.filter((t) => /^\*\*\d\. /.test(t))).toEqual(ITEMS.map((item, i) => `**${i + 1}. ${item.title}**`));
  });

  test('given a published agenda when an item is moved then the same channel card is updated in place with "Opdateret … af"', async () => {
    const world = await seedWorld(f, 1);
    const { chat, editor, agenda } = await buildAndPublish(f, world);
    await f.emulator.waitFor((e) => e.sent(world.channel.conversationId).length === 1, 5_000);
    // The outbox records the delivered activity id just after the send.
    await vi.waitFor(async () => expect(await f.app.outbox.findDelivery('agenda', agenda.id, { kind: 'conversation', conversationId: world.channel.conversationId })).toBeDefined());
    const posted = f.emulator.sent(world.channel.conversationId)[0]!;
    const move = cardActions(editor).find((a) => a.verb === 'agenda.item.move' && a.data['step'] === -1 && a.data['itemId'] !== undefined);
    const after = await click(f, chat, world.secretary, 'agenda.item.move', move!.data);
    expect(cardTexts(after)[0]).toBe('Rækkefølgen er ændret. Gemt. Kortet i kanalen bliver opdateret.');
    await f.emulator.waitFor((e) => e.updates(world.channel.conversationId).length >= 1, 5_000);
    const update = f.emulator.updates(world.channel.conversationId)[0]!;
    expect(update.id).toBe(posted.id);
    const texts = cardTexts(cardOf(update.activity));
    expect(texts.some((t) => t.startsWith('Opdateret ') && t.endsWith(`af ${world.secretary.name}`))).toBe(true);
    expect(f.emulator.sent(world.channel.conversationId)).toHaveLength(1);
  });

  test('given two editors on the same revision then the second sees the new version with a warning and nothing of theirs is written', async () => {
    const world = await seedWorld(f, 1);
    const { chat, editor, agenda } = await buildAndPublish(f, world);
    const add = dataOf(editor, 'agenda.item.add');
    await click(f, chat, world.chair, 'agenda.item.add', { ...add, newTitle: 'Punkt fra formanden', newInputWanted: 'false' });
    const late = await click(f, chat, world.secretary, 'agenda.item.add', { ...add, newTitle: 'Punkt fra sekretæren', newInputWanted: 'false' });
    expect(cardTexts(late)[0]).toBe('Dagsordenen er ændret, siden kortet blev vist. Åbn den igen og prøv på ny.');
    const stored = await f.storage.storage.agendas.findById(world.kreds.id, agenda.id);
    expect(stored!.items.map((i) => i.title)).toEqual([...ITEMS.map((i) => i.title), 'Punkt fra formanden']);
  });

  test('given a member who is neither chair nor secretary then editing is refused in Danish and nothing changes', async () => {
    const world = await seedWorld(f, 1);
    const { editor, agenda } = await buildAndPublish(f, world);
    const card = await click(f, aPersonalChat(), world.mayor, 'agenda.item.add', { ...dataOf(editor, 'agenda.item.add'), newTitle: 'Mit punkt' });
    expect(isErrorCard(card)).toBe(true);
    expect(cardTexts(card)[1]).toBe('Kun forummets formand eller sekretær kan gøre det.');
    expect((await f.storage.storage.agendas.findById(world.kreds.id, agenda.id))!.revision).toBe(agenda.revision);
  });

  test('given a CPR number, a bad link, an empty title or a text over its limit in a new item then the editor comes back with everything typed and the reason beside the field, and nothing is written', async () => {
    const world = await seedWorld(f, 1);
    const { chat, editor, agenda } = await buildAndPublish(f, world);
    const add = dataOf(editor, 'agenda.item.add');
    const typed = { newDescription: 'Politiet orienterer om udviklingen.', newPresenter: 'Politiinspektør' };
    const cpr = await click(f, chat, world.chair, 'agenda.item.add', { ...add, ...typed, newTitle: 'Sag om 010203-1234' });
    expect(isErrorCard(cpr)).toBe(false);
    expect(fieldMessage(cpr, 'newTitle')).toBe('Teksten ligner et CPR-nummer: fjern nummeret, og send igen. Skriv aldrig personoplysninger her.');
    expect([inputValue(cpr, 'newTitle'), inputValue(cpr, 'newDescription'), inputValue(cpr, 'newPresenter')]).toEqual(['Sag om ••••••-••••', typed.newDescription, typed.newPresenter]);
    const link = await click(f, chat, world.chair, 'agenda.item.add', { ...add, newTitle: 'Bilag', newUrl: 'javascript:alert(1)' });
    expect(fieldMessage(link, 'newUrl')).toBe('Skriv en hel webadresse, der begynder med https://');
    expect(inputValue(link, 'newUrl')).toBe('javascript:alert(1)');
    const empty = await click(f, chat, world.chair, 'agenda.item.add', { ...add, ...typed, newTitle: '   ' });
    expect(fieldMessage(empty, 'newTitle')).toBe('Skal udfyldes: skriv her, og send igen.');
    expect(inputValue(empty, 'newDescription')).toBe(typed.newDescription);
    const long = 'Drøftelse. '.repeat(300).trim();
    const tooLong = await click(f, chat, world.chair, 'agenda.item.add', { ...add, newTitle: 'Tryghed', newDescription: long });
    expect(fieldMessage(tooLong, 'newDescription')).toBe(`Teksten er for lang: højst 2.000 tegn; teksten har ${long.length.toLocaleString('da-DK')}. Gør den kortere, og send igen.`);
    expect(inputValue(tooLong, 'newDescription')).toBe(long);
    expect((await f.storage.storage.agendas.findById(world.kreds.id, agenda.id))!.revision).toBe(agenda.revision);
  });

  test('given a member who is not an editor types dagsorden then they see the published agenda, without buttons', async () => {
    const world = await seedWorld(f, 1);
    await buildAndPublish(f, world);
    const reply = await say(f, aPersonalChat(), world.mayor, `dagsorden ${world.kreds.name}`);
    const card = cardOf(reply);
    expect(cardTexts(card)[0]).toBe(`Dagsorden – ${world.kreds.name}`);
    expect(cardActions(card)).toEqual([]);
  });

  test('given the forum has a meeting series then the card offers its next meetings and the agenda belongs to the chosen occurrence (meetingId = occurrence key)', async () => {
    f.clock.set('2030-01-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const series = await f.storage.storage.meetingSeries.save(aMeetingSeries(world.kreds.id, { firstDate: '2030-01-08', rrule: 'FREQ=MONTHLY;BYDAY=2TU', startTime: '09:00' }));
    const reply = await say(f, aPersonalChat(), world.chair, `dagsorden ${world.kreds.name}`);
    const card = cardOf(reply);
    const choice = card.body.find((e) => e['id'] === 'meetingKey') as { value: string; choices: { title: string; value: string }[] };
    expect(choice.choices[0]!.title).toBe('Månedligt møde – tirsdag 8. januar 2030 kl. 09.00');
    expect(choice.value).toBe(`${series.id}@2030-01-08T08:00:00.000Z`);
    const created = await click(f, aPersonalChat(), world.chair, 'agenda.create', { forumId: world.kreds.id, meetingKey: choice.choices[1]!.value, meetingDate: '', meetingTime: '09:00' });
    expect(cardTexts(created)[0]).toBe('Dagsordenen er oprettet som kladde.');
    const [agenda] = await f.storage.storage.agendas.listByForum(world.kreds.id);
    expect([agenda!.meetingId, agenda!.meetingStart]).toEqual([`${series.id}@2030-02-12T08:00:00.000Z`, '2030-02-12T08:00:00.000Z']);
    // Asking again for the same meeting opens the same agenda.
    const again = await click(f, aPersonalChat(), world.chair, 'agenda.create', { forumId: world.kreds.id, meetingKey: choice.choices[1]!.value });
    expect(cardActions(again).find((a) => a.verb === 'agenda.item.add')?.data['agendaId']).toBe(agenda!.id);
    expect(await f.storage.storage.agendas.listByForum(world.kreds.id)).toHaveLength(1);
  });
});

describe('circulation outside the Kredsråd', () => {
  test('given another forum then circulation is off until its chair turns it on (not the secretary), and the forum\'s next agenda keeps it on', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const other = await f.storage.storage.fora.update(world.kreds.id, (c) => ({ ...c, name: `Koordinationsgruppen ${c.id}` }));
    const { chat, editor, agenda } = await buildAndPublish(f, { ...world, kreds: other });
    expect(agenda.circulationEnabled).toBe(false);
    expect(cardActions(editor).some((a) => a.verb === 'agenda.circulate')).toBe(false);
    const toggle = dataOf(editor, 'agenda.circulation.toggle');

    const bySecretary = await click(f, chat, world.secretary, 'agenda.circulation.toggle', toggle);
    expect(cardTexts(bySecretary)[1]).toBe('Kun forummets formand kan gøre det.');
    const refused = await click(f, chat, world.chair, 'agenda.circulate', { forumId: other.id, agendaId: agenda.id, revision: agenda.revision, deadlineDate: '2030-03-05', deadlineTime: '12:00' });
    expect(cardTexts(refused)[0]).toBe('Indhentning af input er ikke slået til for denne dagsorden. Formanden kan slå det til på dagsordenskortet.');

    const on = await click(f, chat, world.chair, 'agenda.circulation.toggle', toggle);
    expect(cardTexts(on)[0]).toBe('Indhentning af input er slået til.');
    const secretaryCirculates = await click(f, chat, world.secretary, 'agenda.circulate', { ...dataOf(on, 'agenda.circulate'), deadlineDate: '2030-03-05', deadlineTime: '12:00' });
    expect(cardTexts(secretaryCirculates)[1]).toBe('Kun forummets formand kan gøre det.');
    const past = await click(f, chat, world.chair, 'agenda.circulate', { ...dataOf(on, 'agenda.circulate'), deadlineDate: '2030-02-05', deadlineTime: '12:00' });
    expect(fieldMessage(past, 'deadlineDate')).toBe('Fristen er allerede gået. Vælg en dato og et klokkeslæt, der ligger ude i fremtiden.');
    expect(inputValue(past, 'deadlineDate')).toBe('2030-02-05');
    const afterMeeting = await click(f, chat, world.chair, 'agenda.circulate', { ...dataOf(on, 'agenda.circulate'), deadlineDate: '2031-06-05', deadlineTime: '12:00' });
    expect(fieldMessage(afterMeeting, 'deadlineDate')).toMatch(/^Fristen skal ligge før mødet \w+dag \d+\. \w+ \d{4} kl\. \d\d\.\d\d\. Vælg en tidligere dato\.$/);
    const sent = await click(f, chat, world.chair, 'agenda.circulate', { ...dataOf(on, 'agenda.circulate'), deadlineDate: '2030-03-05', deadlineTime: '12:00' });
    expect(cardTexts(sent)[0]).toBe('Indhentning af input er startet. Sendt til 2 af 2 konsulenter.');
    const twice = await click(f, chat, world.chair, 'agenda.circulate', { ...dataOf(on, 'agenda.circulate'), deadlineDate: '2030-03-05', deadlineTime: '12:00' });
    expect(cardTexts(twice)[0]).toBe('Dagsordenen er allerede sendt til konsulenterne.');

    const next = await click(f, chat, world.chair, 'agenda.create', { forumId: other.id, meetingDate: '2030-04-09', meetingTime: '10:00' });
    const stored = (await f.storage.storage.agendas.listByForum(other.id)).find((a) => a.meetingStart === '2030-04-09T08:00:00.000Z');
    expect(stored?.circulationEnabled).toBe(true);
    expect(cardTexts(next)).toContain('Offentliggør dagsordenen, før den sendes til konsulenterne.');
  });
});
