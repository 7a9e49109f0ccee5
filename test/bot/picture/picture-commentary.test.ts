/**
 * The analyst's commentary over real HTTP: Koordinationsgruppen's chair (the default analyst) opens
 * the card from `halvår`, saves a draft, is refused with everything typed kept and the reason beside
 * the field, publishes once to the Lokalråd's channel through the outbox (told when Teams accepted
 * it), and a second publish posts nothing. Someone else is refused by the gate.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PICTURE_COMMENTARY_VERBS } from '../../../cards/picture-commentary.card';
import { emptyCounters, type CellCounters, type PictureCell } from '../../../domain/picture/picture-cell';
import { addMonths, lastHalfYear, monthsOf } from '../../../domain/picture/months';
import { TEXT_LIMITS } from '../../../domain/shared/text-limits';
import { readZip } from '../../manifest/support/read-zip';
import { aMember } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts, fieldMessage, inputValue, type CardValue } from '../support/card-reading';
import { sayTo } from '../support/conversation';
import { reachablePerson } from '../support/emulated-teams';
import { outboxDrained } from '../support/outbox-drained';
import { aPerson, type Person, type Where } from '../support/teams-activities';
import { aChain, buttonTitles, click, sentCards, type Chain } from '../escalations/escalations.support';

const running = useRunningBot();
beforeAll(() => running.bot.app.outbox.start());
afterAll(async () => {
  await running.bot.app.outbox.stop({ timeoutMs: 2_000 });
});

const MAX = TEXT_LIMITS.pictureCommentary;
const { current } = lastHalfYear(new Date());
const period = { from: current.from, to: current.to };
const cell = (month: string, category: string, counters: Partial<CellCounters>): PictureCell => ({ month, forumId: '*', category, area: '', counters: { ...emptyCounters(), ...counters } });
const local = (url: string): string => `${running.bot.baseUrl}${new URL(url).pathname}${new URL(url).search}`;

describe('the analyst comments on the half-yearly picture and publishes it to the Lokalråd', () => {
  let chain: Chain;
  let analyst: Person;
  let where: Where;
  let other: Where;

  beforeAll(async () => {
    chain = await aChain(running);
    analyst = aPerson('Analytiker Anna');
    await running.storage.storage.members.save(chain.middle!.forum.id, aMember({ userId: analyst.aadObjectId, displayName: analyst.name, roles: ['chair'] }));
    where = { kind: 'personal', conversationId: (await reachablePerson(running, analyst)).personalConversationId };
    other = { kind: 'personal', conversationId: chain.users.get(chain.managers[0]!.aadObjectId)!.personalConversationId };
    const [m1, m2] = monthsOf(current);
    await running.storage.storage.picture.add([cell(m1!, 'trend', { raised: 9, meetingsHeld: 2 }), cell(m2!, 'problem', { raised: 7 })], 'summary');
  });

  const draft = () => running.storage.storage.pictureReports.find(chain.top.forum.id, period);

  test('given the analyst types halvår then the figures card offers the commentary, and a manager of the same forum gets no such button', async () => {
    const reply = await sayTo(running, where, analyst, 'halvår');
    const card = (reply['attachments'] as { content: CardValue }[])[0]!.content;
    expect(buttonTitles(card)).toContain('Kommentér og offentliggør til Lokalrådet');
    const action = card.actions!.find((a) => a['title'] === 'Kommentér og offentliggør til Lokalrådet')!;
    expect(action).toMatchObject({ verb: PICTURE_COMMENTARY_VERBS.open, data: period });
    const manager = await sayTo(running, other, chain.managers[0]!, 'halvår');
    expect(buttonTitles((manager['attachments'] as { content: CardValue }[])[0]!.content)).not.toContain('Kommentér og offentliggør til Lokalrådet');
  });

  test('given the card opened then each section has its input and its key figures beside it', async () => {
    const card = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.open, period);
    const texts = cardTexts(card);
    expect(texts).toEqual(expect.arrayContaining(['Sager rejst', 'Niveau og område', 'Tid til kvittering og afgørelse', 'Beslutninger og handlinger', 'Cirkulation og møder']));
    // 9 + 7 cases this half-year, none the one before; meetings 2 ("under 3" is for cases only).
    expect(texts).toEqual(expect.arrayContaining(['16 (0)', '2 (0)']));
    for (const id of ['cases', 'levels', 'times', 'decisions', 'cooperation']) expect(inputValue(card, id) ?? '').toBe('');
    expect(buttonTitles(card)).toEqual(['Gem kladde', 'Offentliggør til Lokalrådet']);
  });

  test('given commentary saved then the draft is stored with who edited it, and the card shows it back', async () => {
    const card = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.save, { ...period, cases: 'Flere sager om utryghed ved stationen.', times: '  Hurtigere kvittering.  ', levels: '' });
    expect(cardTexts(card)).toContain('Kladden er gemt. Lokalrådet ser intet, før du offentliggør.');
    expect(inputValue(card, 'cases')).toBe('Flere sager om utryghed ved stationen.');
    const stored = await draft();
    expect(stored).toMatchObject({ status: 'draft', commentary: { cases: 'Flere sager om utryghed ved stationen.', times: 'Hurtigere kvittering.' } });
    expect(stored?.edits.at(-1)).toMatchObject({ userId: analyst.aadObjectId, name: analyst.name });
    const events = await running.storage.storage.audit.listByForum(chain.top.forum.id);
    expect(events.map((e) => e.action)).toContain('picture.commentary.saved');
  });

  test('given a section over the limit then the same card comes back with every text kept and the limit and length beside it, and nothing is saved', async () => {
    const long = 'Meget lang kommentar. '.repeat(200).slice(0, MAX + 12);
    const card = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.save, { ...period, cases: 'Ændret tekst.', decisions: long });
    expect(fieldMessage(card, 'decisions')).toBe(`Teksten er for lang: højst 4.000 tegn; teksten har ${(MAX + 12).toLocaleString('da-DK')}. Gør den kortere, og send igen.`);
    expect(inputValue(card, 'decisions')).toBe(long);
    expect(inputValue(card, 'cases')).toBe('Ændret tekst.');
    expect((await draft())?.commentary).toEqual({ cases: 'Flere sager om utryghed ved stationen.', times: 'Hurtigere kvittering.' });
  });

  test('given someone who is not the analyst then opening, saving and publishing are refused and nothing changes', async () => {
    const before = await draft();
    for (const [verb, data] of [
      [PICTURE_COMMENTARY_VERBS.open, period],
      [PICTURE_COMMENTARY_VERBS.save, { ...period, cases: 'Skrevet af en anden.' }],
      [PICTURE_COMMENTARY_VERBS.publish, period],
    ] as const) {
      const card = await click(running, other, chain.managers[0]!, verb, data);
      expect(cardTexts(card).join(' ')).toContain('Kun kommunens analytiker kan kommentere og offentliggøre halvårsbilledet.');
    }
    expect(await draft()).toEqual(before);
    expect(sentCards(running, chain.top.forum.teams!.conversationId)).toHaveLength(0);
  });

  test('given publish asked for the half-year still running then the form comes back with the text kept and nothing is saved', async () => {
    const unfinished = { from: addMonths(period.from, 6), to: addMonths(period.to, 6) };
    const card = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.confirm, { ...unfinished, cases: 'For tidligt.' });
    expect(cardTexts(card).join(' ')).toContain('Halvåret er ikke slut endnu.');
    expect(inputValue(card, 'cases')).toBe('For tidligt.');
    expect(await running.storage.storage.pictureReports.find(chain.top.forum.id, unfinished)).toBeUndefined();
  });

  test('given publish asked then the draft is saved and confirmation is asked; yes posts the report card once and says Teams accepted it', async () => {
    const confirm = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.confirm, { ...period, cases: 'Flere sager om utryghed ved stationen.', times: 'Hurtigere kvittering.', cooperation: 'Godt fremmøde.' });
    expect(cardTexts(confirm)).toContain('Offentliggør til Lokalrådet?');
    expect(buttonTitles(confirm)).toEqual(['Ja, offentliggør', 'Tilbage til kommentarerne']);
    expect((await draft())?.commentary.cooperation).toBe('Godt fremmøde.');
    expect(sentCards(running, chain.top.forum.teams!.conversationId)).toHaveLength(0);

    // "Ja, offentliggør" clicked twice at once (a double click, two devices): one post.
    const answers = await Promise.all([1, 2].map(() => click(running, where, analyst, PICTURE_COMMENTARY_VERBS.publish, period)));
    const said = answers.map((card) => cardTexts(card)[0] ?? '');
    const delivered = `Offentliggjort: Teams har modtaget kortet i 1 kanal (${chain.top.forum.name}).`;
    expect(said).toContain(delivered);
    for (const text of said) expect(text === delivered || text.startsWith('Halvårsbilledet er allerede offentliggjort den')).toBe(true);
    const done = answers[said.indexOf(delivered)]!;
    expect(inputValue(done, 'cases')).toBeUndefined();
    expect(cardTexts(done)).toContain('Godt fremmøde.');
    expect(await draft()).toMatchObject({ status: 'published', published: { userId: analyst.aadObjectId, name: analyst.name } });

    await outboxDrained(running.storage.storage);
    const posted = sentCards(running, chain.top.forum.teams!.conversationId);
    expect(posted).toHaveLength(1);
    const texts = cardTexts(posted[0]);
    expect(texts).toEqual(expect.arrayContaining([`Halvårsbilledet for ${chain.top.forum.name}`, 'Analytikerens kommentarer', 'Flere sager om utryghed ved stationen.', 'Godt fremmøde.', `Offentliggjort af ${analyst.name}`]));
    const events = await running.storage.storage.audit.listByForum(chain.top.forum.id);
    expect(events.filter((e) => e.action === 'picture.published')).toHaveLength(1);

    // The Word document behind the card's signed link holds the commentary.
    const word = (posted[0]!.actions as { title: string; url: string }[]).find((a) => a.title === 'Hent rapporten (Word)')!;
    const response = await fetch(local(word.url));
    expect(response.status).toBe(200);
    const xml = (await readZip(Buffer.from(await response.arrayBuffer()))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Flere sager om utryghed ved stationen.');
    expect(xml).toContain('Godt fremmøde.');
  });

  test('given publish clicked again then nothing is posted and the card says when it was published; saving is refused with the text kept', async () => {
    const again = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.publish, period);
    expect(cardTexts(again).join(' ')).toMatch(/^Halvårsbilledet er allerede offentliggjort den .+ af Analytiker Anna\. Det sendes ikke igen\./);
    const save = await click(running, where, analyst, PICTURE_COMMENTARY_VERBS.save, { ...period, cases: 'For sent.' });
    expect(cardTexts(save).join(' ')).toContain('Halvårsbilledet er allerede offentliggjort den');
    await outboxDrained(running.storage.storage);
    expect(sentCards(running, chain.top.forum.teams!.conversationId)).toHaveLength(1);
    expect((await draft())?.commentary.cases).toBe('Flere sager om utryghed ved stationen.');
    expect((await running.storage.storage.audit.listByForum(chain.top.forum.id)).filter((e) => e.action === 'picture.published')).toHaveLength(1);
  });
});
