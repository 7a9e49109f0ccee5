import { describe, expect, test } from 'vitest';
import { adaptiveCardsProblems as problemsOf } from '../../cards/support/adaptive-cards-renderer';
import { entryPoints } from '../../../bot/features';

const cardActions = entryPoints.actions;
import { remindersTexts } from '../../../bot/reminders/reminders.texts';
import type { AdaptiveCard } from '../../../cards/card-kit';
import { reminderCard, type ReminderCardView } from '../../../cards/reminder.card';
import { reminderSettingsCard } from '../../../cards/reminder-settings.card';
import type { Forum } from '../../../domain/fora/forum';
import { DEFAULT_REMINDER_SETTINGS, REMINDER_LIMITS } from '../../../domain/reminders/reminder-settings';
import { aForum, aMember } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { cardTexts, fieldMessage, inputValue } from '../support/card-reading';
import { aPerson, aPersonalChat, cardAction } from '../support/teams-activities';

const running = useRunningBot();
const chair = aPerson('Formand Birgitte');
const secretary = aPerson('Sekretær Jens');
const member = aPerson('Medlem Åse');

interface CardResponse {
  statusCode: number;
  value: { lang: string; body: { type: string; id?: string; text?: string; value?: unknown; color?: string }[] };
}

async function click(person: ReturnType<typeof aPerson>, verb: string, data: unknown, locale = 'da-DK'): Promise<CardResponse> {
  const { status, body } = await running.bot.post(cardAction(running.emulator.serviceUrl, aPersonalChat(), person, verb, data, locale));
  expect(status).toBe(200);
  return body as CardResponse;
}
const texts = (r: CardResponse): string[] => cardTexts(r.value);
const isError = (r: CardResponse): boolean => r.value.body[0]?.color === 'Attention';
const inputs = (r: CardResponse): Record<string, unknown> => Object.fromEntries(r.value.body.flatMap((e) => (e.id === undefined ? [] : [[e.id, e.value]])));

async function seedForum(): Promise<Forum> {
  const s = running.storage.storage;
  const forum = await s.fora.save(aForum({ name: `Koordinationsgruppen ${Math.random().toString(36).slice(2, 6)}` }));
  await s.members.save(forum.id, aMember({ userId: chair.aadObjectId, roles: ['chair'] }));
  await s.members.save(forum.id, aMember({ userId: secretary.aadObjectId, roles: ['secretary'] }));
  await s.members.save(forum.id, aMember({ userId: member.aadObjectId, roles: ['member'] }));
  return forum;
}

// What Teams sends from the card: every input value as text.
const typed = { agendaDeadlineEnabled: 'true', agendaDeadlineDaysBefore: '14', memberReminderEnabled: 'false', memberReminderHoursBefore: '48', followUpEnabled: 'true', followUpHoursAfter: '2' };

describe('the reminder settings card', () => {
  test('given the chair opens the settings then the card shows the defaults in Danish', async () => {
    const forum = await seedForum();
    const response = await click(chair, 'reminders.settings.show', { forumId: forum.id });
    expect(isError(response)).toBe(false);
    expect(texts(response)[0]).toBe(`Påmindelser for ${forum.name}`);
    expect(inputs(response)).toEqual({ agendaDeadlineEnabled: 'true', agendaDeadlineDaysBefore: 10, memberReminderEnabled: 'true', memberReminderHoursBefore: 24, followUpEnabled: 'true', followUpHoursAfter: 1 });
  });

  test('given the secretary saves new lead times then the forum keeps them, the change is audited and the card says so', async () => {
    const forum = await seedForum();
    const response = await click(secretary, 'reminders.settings.save', { ...typed, forumId: forum.id });
    expect(texts(response)).toContain('Indstillingerne er gemt.');
    expect(inputs(response)).toMatchObject({ agendaDeadlineDaysBefore: 14, memberReminderEnabled: 'false' });
    const stored = await running.storage.storage.fora.findById(forum.id);
    expect(stored?.reminders).toEqual({ agendaDeadlineEnabled: true, agendaDeadlineDaysBefore: 14, memberReminderEnabled: false, memberReminderHoursBefore: 48, followUpEnabled: true, followUpHoursAfter: 2 });
    const [event] = await running.storage.storage.audit.listByForum(forum.id);
    expect(event).toMatchObject({ action: 'forum.reminders.changed', actorId: secretary.aadObjectId, subject: forum.name });
    expect(JSON.parse(event!.before!)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(JSON.parse(event!.after!)).toEqual(stored?.reminders);
  });

  test.each([
    ['an ordinary member opens them', member, 'reminders.settings.show', {}],
    ['an ordinary member saves', member, 'reminders.settings.save', typed],
  ])('given %s then it is refused and nothing changes', async (_case, person, verb, data) => {
    const forum = await seedForum();
    const response = await click(person, verb, { ...data, forumId: forum.id });
    expect(isError(response)).toBe(true);
    expect(texts(response)[1]).toBe('Kun forummets formand eller sekretær kan gøre det.');
    expect(await running.storage.storage.fora.findById(forum.id)).toEqual(forum);
    expect(await running.storage.storage.audit.listByForum(forum.id)).toEqual([]);
  });

  test.each([
    [{ agendaDeadlineDaysBefore: '90' }, { agendaDeadlineDaysBefore: 'Skriv et helt tal fra 1 til 60.' }],
    [{ followUpHoursAfter: 'to', memberReminderHoursBefore: '' }, { followUpHoursAfter: 'Skriv et helt tal fra 0 til 48.', memberReminderHoursBefore: 'Skriv et helt tal fra 1 til 336.' }],
  ])('given %j then the same card comes back with what was typed and the range beside each wrong number, and nothing is saved', async (over, messages) => {
    const forum = await seedForum();
    const response = await click(chair, 'reminders.settings.save', { ...typed, ...over, forumId: forum.id });
    expect(isError(response)).toBe(false);
    expect(texts(response)).toContain(`Påmindelser for ${forum.name}`);
    for (const [id, message] of Object.entries(messages)) expect(fieldMessage(response.value, id)).toBe(message);
    // Numbers come back as numbers (Input.Number); a typed word cannot be put back into one.
    expect(inputValue(response.value, 'agendaDeadlineDaysBefore')).toBe(Number({ ...typed, ...over }.agendaDeadlineDaysBefore));
    expect(inputValue(response.value, 'memberReminderEnabled')).toBe('false');
    expect((await running.storage.storage.fora.findById(forum.id))?.reminders).toBeUndefined();
  });

  test('given a card without the forum then the data is refused', async () => {
    const response = await click(chair, 'reminders.settings.save', typed);
    expect(texts(response)[1]).toBe('Kortet sendte ikke de oplysninger, der skal til. Udfyld felterne og prøv igen.');
  });

  test('given an English Teams then the settings card is in English', async () => {
    const forum = await seedForum();
    const response = await click(chair, 'reminders.settings.show', { forumId: forum.id }, 'en-US');
    expect(response.value.lang).toBe('en');
    expect(texts(response)[0]).toBe(`Reminders for ${forum.name}`);
  });
});

// The adaptivecards object model parses and validates without a browser.

const view = (over: Partial<ReminderCardView>): ReminderCardView => ({
  kind: 'members',
  forumId: 'ssp-nu-u18',
  forumName: 'SSP-NU u18',
  meetingTitle: 'Månedligt møde',
  start: '2026-02-10T08:00:00.000Z',
  end: '2026-02-10T09:30:00.000Z',
  location: 'Ishøj Rådhus',
  onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  dueAt: '2026-02-09T08:00:00.000Z',
  late: true,
  agendaItems: Array.from({ length: 20 }, (_, i) => `Punkt ${i + 1}`),
  timeZone: 'Europe/Copenhagen',
  ...over,
});

describe.each(['da', 'en'] as const)('reminder cards in %s', (lang) => {
  const t = remindersTexts[lang];
  const cards: [string, AdaptiveCard][] = [
    ['members, late, with a long agenda', reminderCard(t.reminder, view({}))],
    ['members, no agenda', reminderCard(t.reminder, view({ late: false, agendaItems: [] }))],
    ['agenda deadline', reminderCard(t.reminder, view({ kind: 'agenda-deadline' }))],
    ['follow-up', reminderCard(t.reminder, view({ kind: 'follow-up', late: false }))],
    ['settings', reminderSettingsCard(t.settings, { forumId: 'ssp-nu-u18', forumName: 'SSP-NU u18', settings: DEFAULT_REMINDER_SETTINGS, limits: REMINDER_LIMITS, saved: true })],
  ];

  test.each(cards)('given the %s card then it is valid Adaptive Card 1.5, in the right language, small, and its buttons have handlers', (_name, card) => {
    expect(problemsOf(card)).toEqual([]);
    expect(card.lang).toBe(lang);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(80 * 1024);
    const verbs = new Set(cardActions.map((a) => a.verb));
    for (const action of card.actions ?? []) if (action['type'] === 'Action.Execute') expect(verbs.has(String(action['verb']))).toBe(true);
  });

  test('given a late members\' reminder then it shows the original time, the first twelve items and how many more', () => {
    const body = JSON.stringify(reminderCard(t.reminder, view({})));
    expect(body).toContain(lang === 'da' ? 'mandag 9. februar 2026 kl. 09.00' : 'Monday 9 February 2026 at 09:00');
    expect(body).toContain('12. Punkt 12');
    expect(body).not.toContain('13. Punkt 13');
    expect(body).toContain(lang === 'da' ? '… og 8 punkter mere' : '… and 8 more items');
  });
});
