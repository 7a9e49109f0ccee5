/**
 * The yearly reminder to revise the plan: two bot instances on one store, each with its scheduler
 * ticking the job every hour through the plan's month; each writer and the owner's channel get one
 * reminder that year, none outside the month, and new ones the next year.
 */
import { describe, expect, test } from 'vitest';
import { createLogger } from '../../../bot/logger';
import { planReminderJob, sendPlanReminder } from '../../../bot/plan/plan-reminder.job';
import { createScheduler } from '../../../bot/scheduler';
import { LogCapture, useRunningBot, useSecondInstance } from '../support/bot-harness';
import { aPlanCast, type PlanCast } from './plan.support';

const running = useRunningBot();
const second = useSecondInstance(running);

const HOUR_MS = 3_600_000;
let current = Date.parse('2027-09-01T05:00:00.000Z');
const clock = { now: () => new Date(current) };

const reminders = async (year: number) => (await running.bot.app.services.outbox.listBySubject('plan-reminder', String(year))).map((m) => m.recipientKey).sort();

describe('the yearly reminder to revise the plan', () => {
  let cast: PlanCast;

  test('given two instances ticking hourly through September then each writer and the owner\'s channel get one reminder', async () => {
    cast = await aPlanCast(running);
    await running.storage.storage.plans.update((p) => ({ ...p, reminderMonth: 9 }));
    const schedulers = [running.bot, second.bot].map((bot, i) =>
      createScheduler([planReminderJob(bot.app.services)], { clock, logger: createLogger('silent', new LogCapture()), leases: running.storage.storage.jobLeases, instanceId: `plan-${i}` }),
    );
    // August: nothing.
    current = Date.parse('2027-08-31T20:00:00.000Z');
    await Promise.all(schedulers.map((s) => s.runAll()));
    expect(await reminders(2027)).toEqual([]);
    // The first hours of September (Copenhagen), on both instances at once.
    current = Date.parse('2027-08-31T22:30:00.000Z');
    for (let hour = 0; hour < 4; hour++) {
      await Promise.all(schedulers.map((s) => s.runAll()));
      current += HOUR_MS;
    }
    const expected = [`user:${cast.consultant.aadObjectId}`, `user:${cast.ownerChair.aadObjectId}`, `conversation:${cast.chain.middle!.forum.teams!.conversationId}`].sort();
    expect(await reminders(2027)).toEqual(expected);
    expect((await running.storage.storage.jobLeases.find('plan.yearly-reminder'))?.holder).toMatch(/^plan-[01]$/);
    // Later in the month, and both instances without the scheduler's lease at the same moment: still one each.
    const created = await Promise.all([running.bot, second.bot].map((bot) => sendPlanReminder(bot.app.services, new Date('2027-09-20T10:00:00.000Z'))));
    expect(created).toEqual([0, 0]);
    expect(await reminders(2027)).toEqual(expected);
    // October: nothing new. Next September: the next year's reminders.
    expect(await sendPlanReminder(running.bot.app.services, new Date('2027-10-02T10:00:00.000Z'))).toBe(0);
    expect(await sendPlanReminder(second.bot.app.services, new Date('2028-09-01T10:00:00.000Z'))).toBe(3);
    expect(await reminders(2028)).toEqual(expected);
    const message = (await running.bot.app.services.outbox.listBySubject('plan-reminder', '2027')).find((m) => m.recipient.kind === 'user');
    expect(JSON.stringify(message?.activity)).toContain('Det er tid til den årlige revision af den lokale handlingsplan for 2027');
  });
});
