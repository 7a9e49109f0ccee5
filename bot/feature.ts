import type { Server } from 'restify';
import type { CardAction } from './actions/card-action';
import type { BotServices } from './handlers/bot-services';

/** Work a feature does on a timer (reminders, deadlines). Runs on every instance: `run` must be idempotent. */
export interface ScheduledJob {
  name: string;
  /** How often `run` is called; a run never overlaps the previous one of the same job. */
  everyMs: number;
  run(now: Date): Promise<void>;
}

/**
 * One feature's contribution to the bot, beside its typed command (see `bot/commands`): card
 * actions, HTTP routes on the bot's server and scheduled jobs. Listed once in `bot/features.ts`.
 * Error texts live apart, in `<feature>.errors.ts`, so `bot/i18n` can read them without a cycle.
 */
export interface BotFeature {
  name: string;
  actions?: readonly CardAction[];
  routes?(server: Server, services: BotServices): void;
  jobs?(services: BotServices): readonly ScheduledJob[];
}
