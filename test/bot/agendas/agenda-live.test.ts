import { describe, expect, test } from 'vitest';
import { agendaJobs, relistAgendas } from '../../../bot/agendas/agendas.jobs';
import { anAgenda } from '../../storage/storage.mothers';
import { aChannel, TENANT_ID } from '../support/teams-activities';
import { seedWorld, useAgendaBot } from './agenda-harness';
import { circulate } from './agenda-flow';
import { outboxDrained } from '../support/outbox-drained';

/**
 * The circulation job reads only live agendas: a write lists an agenda that may need tending, the job settles one it
 * finds with nothing left to do, and the hourly sweep lists again one that needs tending but whose
 * mark was lost (or that is older than the list).
 */
const f = useAgendaBot();

const listed = async (agendaId: string): Promise<boolean> => (await f.storage.storage.agendas.listLive()).some((l) => l.agendaId === agendaId);

describe('live agendas', () => {
  test('given a circulation whose briefing went out then the job settles it; a change lists it again; a lost mark is repaired by the sweep', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world, '2030-03-05', '12:00');
    const [circulation, sweep] = agendaJobs(f.app.services) as [ReturnType<typeof agendaJobs>[number], ReturnType<typeof agendaJobs>[number]];
    expect(await listed(agenda.id)).toBe(true);

    // 11:30 UTC is 12:30 in Copenhagen: past the deadline and its ten minutes. The first run sends
    // the final briefing (so it is not settled yet); the second finds nothing left and settles it.
    f.clock.set('2030-03-05T11:30:00.000Z');
    await circulation.run(f.clock.now());
    const briefed = await f.storage.storage.agendas.findById(world.kreds.id, agenda.id);
    expect(Date.parse(briefed!.circulation!.briefingCompiledAt!)).toBeGreaterThan(Date.parse(briefed!.circulation!.deadline));
    expect(await listed(agenda.id)).toBe(true);
    await circulation.run(f.clock.now());
    expect(await listed(agenda.id)).toBe(false);
    // The sweep finds nothing to list again either.
    await sweep.run(f.clock.now());
    expect(await listed(agenda.id)).toBe(false);

    // A write lists it again (here one that leaves the channel's post behind the agenda).
    await f.storage.storage.agendas.update(world.kreds.id, agenda.id, (current) => ({ ...current, postedRevision: undefined }));
    expect(await listed(agenda.id)).toBe(true);

    // A lost mark: the row gone, the post still behind. The job does not see it; the sweep lists it; the job then tends it.
    const live = f.storage.raw('livework');
    await live.deleteEntity('agendas', agenda.id);
    await circulation.run(f.clock.now());
    expect((await f.storage.storage.agendas.findById(world.kreds.id, agenda.id))?.postedRevision).toBeUndefined();
    await sweep.run(f.clock.now());
    expect(await listed(agenda.id)).toBe(true);
    await circulation.run(f.clock.now());
    const tended = await f.storage.storage.agendas.findById(world.kreds.id, agenda.id);
    expect(tended?.postedRevision).toBe(tended?.revision);
    await outboxDrained(f.storage.storage);
  });

  test('given a settle racing a write then the written agenda stays listed', async () => {
    f.clock.set('2030-03-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const { agenda } = await circulate(f, world);
    const [entry] = (await f.storage.storage.agendas.listLive()).filter((l) => l.agendaId === agenda.id);
    await f.storage.storage.agendas.update(world.kreds.id, agenda.id, (current) => ({ ...current }));
    expect(await f.storage.storage.agendas.settle(entry!)).toBe(false);
    expect(await listed(agenda.id)).toBe(true);
    // Deleting the agenda takes it off the list.
    await f.storage.storage.agendas.delete(world.kreds.id, agenda.id);
    expect(await listed(agenda.id)).toBe(false);
  });

  test('given a forum with a year of published agendas and no channel, when a channel is linked, then only the agendas of meetings to come are posted there', async () => {
    f.clock.set('2030-06-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const forum = world.below[0]!;
    const { storage } = f.storage;
    // Twelve monthly meetings before now, published but never posted (no channel then), and two to come.
    const month = (n: number): string => new Date(Date.UTC(2029, 5 + n, 10, 8)).toISOString();
    const past = await Promise.all(Array.from({ length: 12 }, (_, n) => storage.agendas.save(anAgenda(forum.id, { state: 'published', revision: 1, meetingStart: month(n) }))));
    const coming = await Promise.all([13, 14].map((n) => storage.agendas.save(anAgenda(forum.id, { state: 'published', revision: 1, meetingStart: month(n) }))));
    expect(past.every((a) => Date.parse(a.meetingStart) < Date.parse('2030-06-01T08:00:00.000Z'))).toBe(true);

    const channel = aChannel('Lokalrådet');
    const linked = await storage.fora.update(forum.id, (c) => ({ ...c, teams: { conversationId: channel.conversationId, serviceUrl: f.emulator.serviceUrl, tenantId: TENANT_ID, teamId: channel.teamId, channelName: channel.channelName } }));
    await relistAgendas(f.app.services, linked, f.clock.now());
    const [circulation] = agendaJobs(f.app.services) as [ReturnType<typeof agendaJobs>[number]];
    await circulation.run(f.clock.now());
    // Posted (queued to the channel) are the two to come; the year before is not.
    for (const agenda of coming) expect((await storage.agendas.findById(forum.id, agenda.id))?.postedRevision).toBe(1);
    for (const agenda of past) expect((await storage.agendas.findById(forum.id, agenda.id))?.postedRevision).toBeUndefined();
    await outboxDrained(storage);
    // Nothing is left for the job (the next run settles what it posted), nor for the sweep to list again.
    const [, sweep] = agendaJobs(f.app.services) as [unknown, ReturnType<typeof agendaJobs>[number]];
    await circulation.run(f.clock.now());
    await sweep.run(f.clock.now());
    expect((await storage.agendas.listLive()).filter((l) => l.forumId === forum.id)).toEqual([]);
  });

  test("given the bot's own writes then an agenda whose meeting and circulation are over is not listed again, one still to come is", async () => {
    f.clock.set('2030-06-01T08:00:00.000Z');
    const world = await seedWorld(f, 1);
    const forum = world.below[0]!;
    const { storage } = f.storage;
    const circulation = { deadline: '2030-03-08T11:00:00.000Z', sentAt: '2030-03-01T08:00:00.000Z', consultantIds: ['c-1'], cardsQueuedAt: '2030-03-01T08:00:05.000Z', briefingCompiledAt: '2030-03-08T11:01:00.000Z' };
    // Written under the bot (storage alone lists every write), then settled as the job would.
    const old = await storage.agendas.save(anAgenda(forum.id, { state: 'published', revision: 1, meetingStart: '2030-03-10T08:00:00.000Z', circulation }));
    const coming = await storage.agendas.save(anAgenda(forum.id, { state: 'published', revision: 1, meetingStart: '2030-06-10T08:00:00.000Z' }));
    for (const entry of (await storage.agendas.listLive()).filter((l) => l.forumId === forum.id)) await storage.agendas.settle(entry);

    // A rename through the bot's repositories (as when a person leaves): the old agenda stays off the list.
    await f.app.services.agendas.update(forum.id, old.id, (a) => ({ ...a, createdBy: 'former-0001' }));
    await f.app.services.agendas.update(forum.id, coming.id, (a) => ({ ...a, createdBy: 'former-0001' }));
    expect(await listed(old.id)).toBe(false);
    expect(await listed(coming.id)).toBe(true);
  });
});
