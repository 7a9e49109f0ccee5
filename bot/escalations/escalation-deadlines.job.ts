import { DEFAULT_DEADLINES, dueDeadlineAction, markReminded, policyFor, type DeadlineSettings } from '../../domain/escalations/escalation-deadlines';
import { DomainError } from '../../domain/shared/domain-error';
import { ConcurrencyError } from '../../domain/shared/repository-errors';
import type { ScheduledJob } from '../core/feature';
import type { BotServices } from '../core/services';
import { actOnEscalation } from './act-on-escalation';
import { announceToHoldingForum, loadCaseContext } from './escalation-notify';

const HOUR_MS = 3_600_000;

/**
 * Cases not acknowledged in time: remind the holding forum's managers, then send the case one
 * level up ("automatisk eskaleret"). Reads the open cases only (their list in storage), not every
 * case ever raised. Runs on every instance: the conditional write (ETag) lets
 * exactly one instance take each step, and the outbox keys make its messages exactly one each.
 * Each forum's own deadlines (`Forum.escalationDeadlines`) are read on every run, so a change on
 * the settings card counts from the next minute.
 */
export function escalationDeadlineJob(services: BotServices, settings: DeadlineSettings = { default: DEFAULT_DEADLINES }): ScheduledJob {
  return {
    name: 'escalations.deadlines',
    everyMs: 60_000,
    async run(now) {
      const [open, fora] = await Promise.all([services.escalations.listOpen(), services.fora.list()]);
      const byId = new Map(fora.map((f) => [f.id, f]));
      for (const escalation of open) {
        const holding = byId.get(escalation.currentForumId);
        if (holding === undefined) continue;
        // The chair's choice for the forum (its settings card) wins over the defaults given here.
        const policy = holding.escalationDeadlines ?? policyFor(settings, holding.id);
        const due = dueDeadlineAction(escalation, policy, holding, now);
        try {
          if (due.kind === 'remind') {
            const marked = await services.escalations.update(markReminded(escalation, due.reminderCount));
            const hours = Math.floor((now.getTime() - Date.parse(escalation.updatedAt)) / HOUR_MS);
            await announceToHoldingForum(services, await loadCaseContext(services, marked), { reminder: due.reminderCount, hours });
          } else if (due.kind === 'auto_escalate') {
            const outcome = await actOnEscalation(services, { escalationId: escalation.id, action: 'auto_escalate', step: escalation.stepCount });
            if (!outcome.conflict) services.logger.info({ escalationId: escalation.id, to: outcome.escalation.currentForumId }, 'escalation escalated automatically');
          }
        } catch (error) {
          // Another instance (or a manager) got there first: nothing to do.
          if (error instanceof ConcurrencyError) continue;
          if (error instanceof DomainError) {
            services.logger.warn({ escalationId: escalation.id, code: error.code }, 'deadline step refused');
            continue;
          }
          throw error;
        }
      }
    },
  };
}

/**
 * Hourly (and at start), one instance at a time: lists again every open case the open-case list
 * lacks — cases from before the list, or a write whose mark was lost — so the deadline job, which
 * reads only that list, misses none for long; and writes the raisers' lists where a row is missing.
 * Reads every case: kept out of the minute.
 */
export const openCasesSweepJob = (services: BotServices): ScheduledJob => ({
  name: 'escalations.open.sweep',
  everyMs: 60 * 60_000,
  async run() {
    const listed = await services.escalations.repairOpenList();
    const raised = await services.escalations.repairRaisedList();
    if (listed + raised > 0) services.logger.info({ listed, raised }, 'escalations: open cases and raisers\' lists put right by the sweep');
  },
});
