import { expect } from 'vitest';
import type { Agenda } from '../../../domain/agendas/agenda';
import { aPersonalChat, type Where } from '../support/teams-activities';
import { cardActions, cardOf, click, say, type AgendaFixture, type Card, type World } from './agenda-harness';

export const ITEMS = [
  { title: 'Lukketider for udskænkningssteder', description: 'Politiet foreslår kortere åbningstid i weekenden.', presenter: 'Politidirektøren', wanted: true },
  { title: 'Tryghedsmåling 2026', description: 'Resultater for Vestegnen.', presenter: 'Politiinspektøren', wanted: true },
  { title: 'Eventuelt', description: '', presenter: '', wanted: false },
];

export const dataOf = (card: Card, verb: string): Record<string, unknown> => {
  const action = cardActions(card).find((a) => a.verb === verb);
  expect(action, `no ${verb} on the card`).toBeDefined();
  return action!.data;
};

/** The chair opens `dagsorden <forum>`, creates the agenda for a date, adds the three items and publishes. */
export async function buildAndPublish(f: AgendaFixture, world: World, meetingDate = '2030-03-12'): Promise<{ chat: Where; agenda: Agenda; editor: Card }> {
  const chat = aPersonalChat();
  const reply = await say(f, chat, world.chair, `dagsorden ${world.kreds.name}`);
  let editor = cardOf(reply);
  editor = await click(f, chat, world.chair, 'agenda.create', { ...dataOf(editor, 'agenda.create'), meetingDate, meetingTime: '10:00' });
  for (const item of ITEMS) {
    editor = await click(f, chat, world.chair, 'agenda.item.add', {
      ...dataOf(editor, 'agenda.item.add'),
      newTitle: item.title,
      newDescription: item.description,
      newPresenter: item.presenter,
      newUrl: '',
      newInputWanted: String(item.wanted),
    });
  }
  editor = await click(f, chat, world.chair, 'agenda.publish', dataOf(editor, 'agenda.publish'));
  const { agendaId } = dataOf(editor, 'agenda.item.add');
  const agenda = await f.storage.storage.agendas.findById(world.kreds.id, String(agendaId));
  return { chat, agenda: agenda!, editor };
}

/** …then circulates it to the default list with the given deadline (local date and time). */
export async function circulate(f: AgendaFixture, world: World, deadlineDate = '2030-03-05', deadlineTime = '12:00', reminderHours = 24): Promise<{ chat: Where; agenda: Agenda; editor: Card }> {
  const built = await buildAndPublish(f, world);
  const editor = await click(f, built.chat, world.chair, 'agenda.circulate', {
    ...dataOf(built.editor, 'agenda.circulate'),
    deadlineDate,
    deadlineTime,
    consultantForumIds: '',
    reminderHours: String(reminderHours),
  });
  const agenda = await f.storage.storage.agendas.findById(world.kreds.id, built.agenda.id);
  return { chat: built.chat, agenda: agenda!, editor };
}

/** The card the outbox delivered to a person's 1:1 chat, newest first match by summary prefix. */
export async function waitForCard(f: AgendaFixture, chatId: string, summaryStarts: string, count = 1): Promise<Card[]> {
  const matching = () => f.emulator.sent(chatId).filter((s) => String(s.activity['summary'] ?? '').startsWith(summaryStarts));
  await f.emulator.waitFor(() => matching().length >= count, 10_000);
  return matching().map((s) => cardOf(s.activity));
}
