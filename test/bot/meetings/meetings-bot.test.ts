import ICAL from 'ical.js';
import { maskCprNumbers } from '../../../domain/shared/cpr-guard';
import { describe, expect, test } from 'vitest';
import { calendarClaims } from '../../../bot/meetings/ics-calendar-publisher';
import { linkKeyring, signLink } from '../../../bot/signed-links';
import { formatDateTime } from '../../../cards/dates';
import type { Forum } from '../../../domain/fora/forum';
import { zonedInstant } from '../../../domain/meetings/zoned-time';
import { aForum, aMeetingSeries, aMember } from '../../storage/storage.mothers';
import { cardTexts, fieldMessage, inputValue } from '../support/card-reading';

const CPH_ZONE = 'Europe/Copenhagen';
import { useRunningBot } from '../support/bot-harness';
import { aChannel, aPerson, aPersonalChat, cardAction, TENANT_ID, type Where } from '../support/teams-activities';
import { sayTo } from '../support/conversation';

const CPH = 'Europe/Copenhagen';
const running = useRunningBot();

interface CardResponse {
  statusCode: number;
  value: { body: CardElement[]; actions?: CardElement[] };
}
type CardElement = { type: string; text?: string; color?: string; actions?: CardElement[]; url?: string; verb?: string; data?: Record<string, unknown> };

// Every text on the card, notices in their band included.
const texts = (card: { body: CardElement[] }): string[] => cardTexts(card);
const isErrorCard = (card: { body: CardElement[] }): boolean => card.body[0]?.color === 'Attention';
const buttons = (card: { body: CardElement[] }): CardElement[] => card.body.flatMap((e) => e.actions ?? []);

async function click(where: Where, who: ReturnType<typeof aPerson>, verb: string, data: unknown): Promise<CardResponse['value']> {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, where, who, verb, data));
  expect(status).toBe(200);
  const response = body as CardResponse;
  expect(response.statusCode).toBe(200);
  return response.value;
}

const say = (where: Where, who: ReturnType<typeof aPerson>, text: string): Promise<Record<string, unknown>> => sayTo(running, where, who, text, { mention: where.kind === 'channel' });
const cardIn = (activity: Record<string, unknown>) => (activity['attachments'] as { content: { body: CardElement[]; actions?: CardElement[] } }[])[0]!.content;

/** A local date `days` from today that is a Tuesday, so tests do not depend on the day they run. */
function aTuesdayAhead(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const chair = aPerson('Formand Birgitte');
const secretary = aPerson('Sekretær Jonas');
const consultant = aPerson('Konsulent Åse');

async function seedForum(name = 'Koordinationsgruppen'): Promise<Forum> {
  const { storage } = running.storage;
  const forum = await storage.fora.save(aForum({ name: `${name} ${Math.random().toString(36).slice(2, 7)}` }));
  await storage.members.save(forum.id, aMember({ userId: chair.aadObjectId, roles: ['chair'] }));
  await storage.members.save(forum.id, aMember({ userId: secretary.aadObjectId, roles: ['secretary', 'member'] }));
  await storage.members.save(forum.id, aMember({ userId: consultant.aadObjectId, roles: ['consultant'] }));
  return forum;
}

const weeklyForm = (forumId: string, firstDate: string, over: Record<string, string> = {}) => ({
  forumId,
  title: 'Koordinationsmøde',
  firstDate,
  startTime: '09:00',
  durationMinutes: '90',
  location: 'Ishøj Rådhus',
  kind: 'weekly',
  ...over,
});

describe('scheduling a series from the card', () => {
  test('given a consultant (not chair or secretary) submits the form then a Danish refusal comes back and nothing is written', async () => {
    const forum = await seedForum();
    const card = await click(aPersonalChat(), consultant, 'meetings.schedule', weeklyForm(forum.id, aTuesdayAhead(7)));
    expect(isErrorCard(card)).toBe(true);
    expect(texts(card)).toContain('Kun forummets formand eller sekretær kan gøre det.');
    expect(await running.storage.storage.meetingSeries.listByForum(forum.id)).toEqual([]);
    expect(await running.storage.storage.audit.listByForum(forum.id)).toEqual([]);
    // Opening the form is refused too.
    expect(isErrorCard(await click(aPersonalChat(), consultant, 'meetings.schedule.form', { forumId: forum.id }))).toBe(true);
  });

  test('given the secretary submits a weekly series then it is saved, audited and the next dates are listed in Danish', async () => {
    const forum = await seedForum();
    const first = aTuesdayAhead(7);
    const card = await click(aPersonalChat(), secretary, 'meetings.schedule', weeklyForm(forum.id, first));
    expect(isErrorCard(card)).toBe(false);
    const expected = [first, plusDays(first, 7), plusDays(first, 14)].map((date) => formatDateTime(zonedInstant(date, '09:00', CPH), 'da', CPH));
    const lines = texts(card);
    expect(lines).toContain(`Mødeserien er gemt. Første møde: ${expected[0]}.`);
    for (const when of expected) expect(lines.some((l) => l.startsWith(`${when} (09.00–10.30)`))).toBe(true);
    const [series] = await running.storage.storage.meetingSeries.listByForum(forum.id);
    expect(series).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=TU', firstDate: first, startTime: '09:00', timeZone: CPH, durationMinutes: 90 });
    expect(series?.calendarToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const audit = await running.storage.storage.audit.listByForum(forum.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['meetings.series.scheduled', secretary.aadObjectId]]);
    // Each meeting offers the .ics link.
    // Signed with the link key over the series and its token; the token itself is not in the link.
    const url = buttons(card).filter((b) => b.type === 'Action.OpenUrl')[0]?.url ?? '';
    expect(url).toMatch(new RegExp(`^http://localhost:3978/calendar/${forum.id}/${series!.id}\\.ics\\?k=local&s=[A-Za-z0-9_-]{43}$`));
    expect(url).not.toContain(series!.calendarToken);
  });

  test.each([
    [{ firstDate: '13-01-2027' }, { firstDate: 'Feltet har ikke den rigtige form. Ret det, og send igen.' }],
    [{ startTime: '25:00', durationMinutes: '0' }, { startTime: /./, durationMinutes: 'Skriv mindst 5.' }],
    [{ kind: 'everyNWeeks' }, { interval: 'Skal udfyldes: skriv her, og send igen.' }],
    [{ kind: 'rrule', rrule: 'FREQ=WEEKLY;FOO=1' }, { rrule: /^Gentagelsesreglen kan ikke læses/ }],
    [{ advanced: 'true', rrule: '' }, { rrule: 'Skal udfyldes: skriv her, og send igen.' }],
    [{ title: 'Møde om 010203-1234', location: 'x'.repeat(301) }, { title: /^Teksten ligner et CPR-nummer: fjern nummeret, og send igen\./, location: 'Teksten er for lang: højst 300 tegn; teksten har 301. Gør den kortere, og send igen.' }],
    [{ kind: 'monthlyNthWeekday', nth: '-1' }, { firstDate: /^Første dato \(\d{4}-\d{2}-\d{2}\) passer ikke med gentagelsen/ }],
  ] as const)('given the chair submits %j then the same form comes back with what was typed and the reason beside each field, and nothing is written', async (over, messages) => {
    const forum = await seedForum();
    const typed = weeklyForm(forum.id, aTuesdayAhead(7), over as Record<string, string>);
    const card = await click(aPersonalChat(), chair, 'meetings.schedule', typed);
    expect(isErrorCard(card)).toBe(false);
    for (const [field, message] of Object.entries(messages)) {
      const shown = fieldMessage(card, field);
      if (typeof message === 'string') expect(shown).toBe(message);
      else expect(shown).toMatch(message);
    }
    for (const [field, value] of Object.entries(typed)) if (field !== 'forumId' && field !== 'advanced') expect(String(inputValue(card, field))).toBe(maskCprNumbers(value));
    expect(card.actions?.[0]?.verb).toBe('meetings.schedule');
    expect(await running.storage.storage.meetingSeries.listByForum(forum.id)).toEqual([]);
  });

  test('given the form then the own rule (RRULE) is not among the simple choices but behind "Avanceret", and saving from there uses it', async () => {
    const forum = await seedForum();
    const form = await click(aPersonalChat(), chair, 'meetings.schedule.form', { forumId: forum.id });
    const json = JSON.stringify(form);
    const kinds = (JSON.parse(json) as { body: { id?: string; choices?: { value: string }[] }[] }).body.find((e) => e.id === 'kind')?.choices?.map((c) => c.value);
    expect(kinds).toEqual(['weekly', 'everyNWeeks', 'monthlyNthWeekday', 'quarterly']);
    expect((form.body as { id?: string }[]).some((e) => e.id === 'rrule')).toBe(false);
    const advanced = (form.actions as unknown as { type: string; title: string; card?: { body: { id?: string }[]; actions: { verb: string; data: Record<string, unknown> }[] } }[]).find((a) => a.type === 'Action.ShowCard');
    expect(advanced?.title).toBe('Avanceret');
    expect(advanced?.card?.body.some((e) => e.id === 'rrule')).toBe(true);
    const save = advanced!.card!.actions[0]!;
    // The simple choice says weekly; the rule from "Avanceret" wins.
    const card = await click(aPersonalChat(), chair, save.verb, { ...weeklyForm(forum.id, aTuesdayAhead(7)), ...save.data, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' });
    expect(isErrorCard(card)).toBe(false);
    const [series] = await running.storage.storage.meetingSeries.listByForum(forum.id);
    expect(series?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU');
  });
});

describe('changing a series from the card', () => {
  test('given a first meeting in the past then the form comes back with what was typed and says which meeting is over, and no series is saved', async () => {
    const forum = await seedForum();
    const past = aTuesdayAhead(-7);
    const card = await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(forum.id, past));
    const start = formatDateTime(zonedInstant(past, '09:00', CPH_ZONE), 'da', CPH_ZONE);
    expect(cardTexts(card)).toContain(`Det første møde (${start}) er allerede begyndt eller holdt. Vælg en første dato og et tidspunkt ude i fremtiden. Intet er gemt.`);
    expect(inputValue(card, 'firstDate')).toBe(past);
    expect(await running.storage.storage.meetingSeries.listByForum(forum.id)).toEqual([]);
  });

  test('given a weekly series that began three weeks ago changed to Thursdays from next week then past meetings keep the old schedule', async () => {
    const forum = await seedForum();
    const began = aTuesdayAhead(-21);
    // A series can no longer be started in the past from the card: this one was made three weeks ago.
    await running.storage.storage.meetingSeries.save(aMeetingSeries(forum.id, { title: 'Tirsdagsmøde', firstDate: began, startTime: '09:00', rrule: 'FREQ=WEEKLY;BYDAY=TU' }));
    const [old] = await running.storage.storage.meetingSeries.listByForum(forum.id);
    const newFirst = plusDays(aTuesdayAhead(7), 2);
    const card = await click(aPersonalChat(), chair, 'meetings.schedule', { ...weeklyForm(forum.id, newFirst, { title: 'Torsdagsmøde', startTime: '13:00' }), replacesSeriesId: old!.id });
    expect(texts(card)).toContain('Mødeserien er ændret. Tidligere møder står uændret.');

    const all = await running.storage.storage.meetingSeries.listByForum(forum.id);
    expect(all).toHaveLength(2);
    expect(all.find((s) => s.id === old!.id)).toMatchObject({ firstDate: began, until: plusDays(newFirst, -1), rrule: 'FREQ=WEEKLY;BYDAY=TU' });
    expect(all.find((s) => s.id !== old!.id)).toMatchObject({ firstDate: newFirst, rrule: 'FREQ=WEEKLY;BYDAY=TH', startTime: '13:00' });
    const audit = await running.storage.storage.audit.listByForum(forum.id);
    expect(audit.map((a) => a.action)).toEqual(['meetings.series.changed']); // the old series was stored directly, not scheduled from the card
  });
});

describe('møder', () => {
  test('given a channel linked to a forum then "møder" lists that forum\'s next meetings only', async () => {
    const forum = await seedForum();
    const other = await seedForum('Infohus');
    const channel = aChannel();
    await running.storage.storage.fora.update(forum.id, (f) => ({ ...f, teams: { conversationId: channel.conversationId, serviceUrl: running.emulator.serviceUrl, tenantId: TENANT_ID } }));
    const first = aTuesdayAhead(3);
    await click(channel, chair, 'meetings.schedule', weeklyForm(forum.id, first));
    await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(other.id, aTuesdayAhead(3), { title: 'Infohusmøde' }));

    const reply = await say(channel, consultant, 'møder');
    expect(reply['summary']).toBe('Næste møder');
    const card = cardIn(reply);
    expect(texts(card)[0]).toBe(`Næste møder — ${forum.name}`);
    expect(texts(card)).toContain(`${formatDateTime(zonedInstant(first, '09:00', CPH), 'da', CPH)} (09.00–10.30)`);
    expect(JSON.stringify(card)).not.toContain('Infohusmøde');
    // A consultant gets no buttons to change anything, only the calendar link.
    expect(buttons(card).every((b) => b.type === 'Action.OpenUrl')).toBe(true);
    expect(card.actions ?? []).toEqual([]);
  });

  test('given a channel not linked to any forum then "møder" says how to link it', async () => {
    const reply = await say(aChannel(), chair, 'møder');
    expect(reply['text']).toMatch(/^Kanalen er ikke knyttet til et forum/);
  });

  test('given a personal chat then "møder" lists the next meetings of all my fora, each named by forum', async () => {
    const a = await seedForum();
    const b = await seedForum('SSP-netværk');
    const me = aPerson('Medlem Karin');
    await running.storage.storage.members.save(a.id, aMember({ userId: me.aadObjectId, roles: ['member'] }));
    await running.storage.storage.members.save(b.id, aMember({ userId: me.aadObjectId, roles: ['member'] }));
    await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(a.id, aTuesdayAhead(7), { title: 'Koordinering' }));
    await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(b.id, plusDays(aTuesdayAhead(7), 2), { title: 'Netværksmøde', kind: 'weekly' }));

    const card = cardIn(await say(aPersonalChat(), me, 'møder'));
    expect(texts(card)[0]).toBe('Næste møder — dine fora');
    const titles = texts(card).filter((t) => t.startsWith('**'));
    expect(titles.slice(0, 2)).toEqual([`**${a.name}: Koordinering**`, `**${b.name}: Netværksmøde**`]);
    expect(titles.some((t) => t.includes(a.name)) && titles.some((t) => t.includes(b.name))).toBe(true);
  });
});

describe('moving and cancelling one meeting', () => {
  test('given the chair moves one and cancels another then overrides are written, the series is untouched and the list shows both', async () => {
    const forum = await seedForum();
    const first = aTuesdayAhead(7);
    await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(forum.id, first));
    const [series] = await running.storage.storage.meetingSeries.listByForum(forum.id);
    const secondKey = `${series!.id}@${zonedInstant(plusDays(first, 7), '09:00', CPH).toISOString()}`;
    const thirdKey = `${series!.id}@${zonedInstant(plusDays(first, 14), '09:00', CPH).toISOString()}`;

    const refused = await click(aPersonalChat(), consultant, 'meetings.cancel', { forumId: forum.id, occurrence: secondKey });
    expect(texts(refused)).toContain('Kun forummets formand eller sekretær kan gøre det.');
    expect(await running.storage.storage.meetings.listByForum(forum.id)).toEqual([]);

    const movedTo = plusDays(first, 8);
    const afterMove = await click(aPersonalChat(), chair, 'meetings.move', { forumId: forum.id, occurrence: secondKey, slot: 4, moveDate4: movedTo, moveTime4: '13:00' });
    expect(texts(afterMove)).toContain(`Mødet er flyttet til ${formatDateTime(zonedInstant(movedTo, '13:00', CPH), 'da', CPH)}.`);
    const afterCancel = await click(aPersonalChat(), chair, 'meetings.cancel', { forumId: forum.id, occurrence: thirdKey });
    expect(texts(afterCancel).some((t) => t.endsWith('— **aflyst**'))).toBe(true);
    expect(texts(afterCancel).some((t) => t.endsWith('— flyttet'))).toBe(true);

    const overrides = await running.storage.storage.meetings.listByForum(forum.id);
    expect(overrides.map((m) => [m.id, m.status]).sort()).toEqual([
      [secondKey, 'moved'],
      [thirdKey, 'cancelled'],
    ]);
    expect(await running.storage.storage.meetingSeries.findById(forum.id, series!.id)).toEqual(series);
    const actions = (await running.storage.storage.audit.listByForum(forum.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['meetings.occurrence.moved', 'meetings.occurrence.cancelled']));

    const bad = await click(aPersonalChat(), chair, 'meetings.move', { forumId: forum.id, occurrence: thirdKey, slot: 0, moveDate0: 'i morgen', moveTime0: '13:00' });
    // The meetings list comes back (no error card) with the reason on top and the typed time kept.
    expect(cardTexts(bad)).toContain('Angiv en ny dato og et tidspunkt (TT:MM) for mødet. Intet er ændret.');
    expect(inputValue(bad, 'moveDate0')).toBe('i morgen');
  });
});

describe('the .ics calendar', () => {
  async function download(url: string): Promise<{ status: number; type: string | null; text: string; headers: Headers }> {
    const response = await fetch(url.replace('http://localhost:3978', running.bot.baseUrl));
    return { status: response.status, type: response.headers.get('content-type'), text: await response.text(), headers: response.headers };
  }

  test('given a monthly series with one cancelled and one moved meeting then ical.js reads one series VEVENT with RRULE, EXDATE, TZID and a stable UID', async () => {
    const forum = await seedForum();
    // The 2nd Tuesday of a month at least a week ahead.
    let first = aTuesdayAhead(7);
    while (Number(first.slice(8, 10)) < 8 || Number(first.slice(8, 10)) > 14) first = plusDays(first, 7);
    await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(forum.id, first, { kind: 'monthlyNthWeekday' }));
    const [series] = await running.storage.storage.meetingSeries.listByForum(forum.id);
    expect(series?.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
    const list = await click(aPersonalChat(), chair, 'meetings.list', { forumId: forum.id });
    const cancelKey = (buttons(list).find((b) => b.verb === 'meetings.cancel')!.data as { occurrence: string }).occurrence;
    expect(cancelKey).toBe(`${series!.id}@${zonedInstant(first, '09:00', CPH).toISOString()}`);
    await click(aPersonalChat(), chair, 'meetings.cancel', { forumId: forum.id, occurrence: cancelKey });
    const nextList = await click(aPersonalChat(), chair, 'meetings.list', { forumId: forum.id });
    // The first is cancelled now (no buttons), so the first cancel button is the second meeting's.
    const secondKey = (buttons(nextList).filter((b) => b.verb === 'meetings.cancel')[0]!.data as { occurrence: string }).occurrence;
    const movedDate = plusDays(secondKey.slice(secondKey.indexOf('@') + 1, secondKey.indexOf('@') + 11), 1);
    const moveButton = buttons(nextList).find((b) => b.type === 'Action.ShowCard' && JSON.stringify(b).includes(secondKey)) as unknown as { card: { actions: { data: { slot: number } }[] } };
    const slot = moveButton.card.actions[0]!.data.slot;
    await click(aPersonalChat(), chair, 'meetings.move', { forumId: forum.id, occurrence: secondKey, slot, [`moveDate${slot}`]: movedDate, [`moveTime${slot}`]: '13:00' });

    const url = buttons(nextList).find((b) => b.type === 'Action.OpenUrl')!.url!;
    const one = await download(url);
    const two = await download(url);
    expect(one.status).toBe(200);
    expect(one.type).toBe('text/calendar; charset=utf-8');
    // A download: never sniffed, never cached, saved under its name.
    expect(one.headers.get('x-content-type-options')).toBe('nosniff');
    expect(one.headers.get('cache-control')).toBe('no-store');
    expect(one.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.ics"$/);

    const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const [main, moved, ...rest] = events(one.text);
    expect(rest).toEqual([]);
    expect(main!.getFirstPropertyValue('uid')).toBe(`${series!.id}@forumbot`);
    expect(events(two.text).map((e) => e.getFirstPropertyValue('uid'))).toEqual([`${series!.id}@forumbot`, `${series!.id}@forumbot`]);
    const start = main!.getFirstProperty('dtstart')!;
    expect(start.getParameter('tzid')).toBe(CPH);
    expect((start.getFirstValue() as ICAL.Time).toString()).toBe(`${first}T09:00:00`);
    expect(String(main!.getFirstPropertyValue('rrule'))).toBe('FREQ=MONTHLY;BYDAY=2TU');
    const exdate = main!.getFirstProperty('exdate')!;
    expect(exdate.getParameter('tzid')).toBe(CPH);
    const cancelledAt = new Date(cancelKey.slice(cancelKey.indexOf('@') + 1));
    expect((exdate.getFirstValue() as ICAL.Time).toString()).toBe(`${formatLocal(cancelledAt)}`);
    expect(moved!.getFirstProperty('recurrence-id')!.getParameter('tzid')).toBe(CPH);
    expect((moved!.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe(`${movedDate}T13:00:00`);
    // The calendar has the zone's definition, so the instants come out right.
    const vtimezone = new ICAL.Component(ICAL.parse(one.text)).getFirstSubcomponent('vtimezone')!;
    const zone = new ICAL.Timezone(vtimezone);
    const t = (start.getFirstValue() as ICAL.Time).clone();
    t.zone = zone;
    expect(t.toJSDate().toISOString()).toBe(zonedInstant(first, '09:00', CPH).toISOString());
  });

  test('given a wrong signature, an unknown key id or an unknown series then the answer is 404 in Danish', async () => {
    const forum = await seedForum();
    await click(aPersonalChat(), chair, 'meetings.schedule', weeklyForm(forum.id, aTuesdayAhead(7)));
    const [series] = await running.storage.storage.meetingSeries.listByForum(forum.id);
    const wrong = await download(`${running.bot.baseUrl}/calendar/${forum.id}/${series!.id}.ics?k=local&s=${'A'.repeat(43)}`);
    expect(wrong.status).toBe(404);
    expect(wrong.text).toMatch(/^Kalenderen findes ikke/);
    const { k, s } = signLink(linkKeyring(undefined), calendarClaims(forum.id, series!.id, series!.calendarToken!));
    expect((await download(`${running.bot.baseUrl}/calendar/${forum.id}/${series!.id}.ics?k=${k}&s=${s}`)).status).toBe(200);
    expect((await download(`${running.bot.baseUrl}/calendar/${forum.id}/${series!.id}.ics?k=k9&s=${s}`)).status).toBe(404);
    expect((await download(`${running.bot.baseUrl}/calendar/${forum.id}/nope.ics?k=${k}&s=${s}`)).status).toBe(404);
    // The old form of link (the token in the query) opens nothing any more.
    expect((await download(`${running.bot.baseUrl}/calendar/${forum.id}/${series!.id}.ics?token=${series!.calendarToken}`)).status).toBe(404);
    expect((await download(`${running.bot.baseUrl}/calendar/${forum.id}/${series!.id}.ics`)).status).toBe(404);
  });
});

function formatLocal(instant: Date): string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone: CPH, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  return f.format(instant).replace(' ', 'T');
}
