import { describe, expect, test, vi } from 'vitest';
import { aPersonalChat, type Person } from '../support/teams-activities';
import { cardActions, cardInputs, cardOf, cardTexts, click, isErrorCard, seedWorld, useAgendaBot, type World } from './agenda-harness';
import { circulate } from './agenda-flow';
import { outboxDrained } from '../support/outbox-drained';

const f = useAgendaBot();

async function answer(world: World, agendaId: string, person: Person): Promise<void> {
  const card = await click(f, aPersonalChat(), person, 'agenda.input.view', { forumId: world.kreds.id, agendaId });
  const submit = cardActions(card).find((a) => a.verb === 'agenda.input.submit')!;
  const [first] = [...cardInputs(card).keys()].filter((id) => id.startsWith('input.'));
  const saved = await click(f, aPersonalChat(), person, 'agenda.input.submit', { ...submit.data, [first!]: `Input fra ${person.name}`, noComments: 'false' });
  expect(cardTexts(saved)[0]).toBe('Dit input er gemt.');
}

const reminders = (world: World, person: Person): number =>
  f.emulator.sent(world.chatOf(person)).filter((s) => String(s.activity['summary']).startsWith('Påmindelse')).length;

/** Everything queued so far has been delivered (or given up on). */
const settle = (): Promise<void> => outboxDrained(f.storage.storage);

describe('reminders', () => {
  test('given "remind the missing" then only the one missing gets a reminder, a second click the same day is refused, the next day is allowed', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const [ann, bo] = world.consultants as [Person, Person];
    await answer(world, agenda.id, ann);
    const ref = { forumId: world.kreds.id, agendaId: agenda.id };

    const status = await click(f, aPersonalChat(), world.secretary, 'agenda.circulation.remind', ref);
    expect(cardTexts(status)[0]).toBe('Påmindelse: Sendt til 1 af 1 konsulent.');
    expect(cardTexts(status)).toContain('1 af 2 har svaret');
    await f.emulator.waitFor(() => reminders(world, bo) === 1, 5_000);

    const again = await click(f, aPersonalChat(), world.chair, 'agenda.circulation.remind', ref);
    expect(isErrorCard(again)).toBe(true);
    expect(cardTexts(again)[1]).toBe('Der er allerede sendt en påmindelse i dag. Prøv igen i morgen.');
    const member = await click(f, aPersonalChat(), world.mayor, 'agenda.circulation.remind', ref);
    expect(cardTexts(member)[1]).toBe('Kun forummets formand eller sekretær kan gøre det.');

    f.clock.set('2030-03-02T08:00:00.000Z');
    await click(f, aPersonalChat(), world.chair, 'agenda.circulation.remind', ref);
    await f.emulator.waitFor(() => reminders(world, bo) === 2, 5_000);
    await settle();
    expect(reminders(world, ann)).toBe(0);
  });

  test('given the configured time before the deadline then the job reminds the missing once, on every run and instance', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world, '2030-03-05', '12:00', 6);
    const [ann, bo] = world.consultants as [Person, Person];
    await answer(world, agenda.id, ann);

    f.clock.set('2030-03-05T04:59:00.000Z'); // 6 h 1 min before 12:00 Copenhagen: not yet
    await f.app.scheduler.runAll();
    await settle();
    expect(reminders(world, bo)).toBe(0);

    f.clock.set('2030-03-05T05:01:00.000Z');
    await Promise.all([f.app.scheduler.runAll(), f.app.scheduler.runAll()]);
    await f.app.scheduler.runAll();
    await f.emulator.waitFor(() => reminders(world, bo) === 1, 5_000);
    await settle();
    expect(reminders(world, bo)).toBe(1);
    expect(reminders(world, ann)).toBe(0);
    const stored = await f.storage.storage.agendas.findById(world.kreds.id, agenda.id);
    expect(stored?.circulation?.autoReminderSentAt).toBeDefined();
  });

  test('given answers arrive then the job brings the progress card in the channel up to date in place, once per count', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const channel = world.channel.conversationId;
    const isStatus = (s: { activity: Record<string, unknown> }): boolean => String(s.activity['summary']).endsWith(': status');
    await f.emulator.waitFor((e) => e.sent(channel).some(isStatus), 5_000);
    await vi.waitFor(async () => expect(await f.app.outbox.findDelivery('agenda-circulation', agenda.id, { kind: 'conversation', conversationId: channel })).toBeDefined());
    const posted = f.emulator.sent(channel).find(isStatus)!;
    await answer(world, agenda.id, world.consultants[0]!);
    await f.app.scheduler.runAll();
    await f.app.scheduler.runAll();
    await f.emulator.waitFor((e) => e.updates(channel).some((u) => u.id === posted.id && cardTexts(cardOf(u.activity)).includes('1 af 2 har svaret')), 5_000);
    await settle();
    expect(f.emulator.updates(channel).filter((u) => u.id === posted.id)).toHaveLength(1);
  });
});
