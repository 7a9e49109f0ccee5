import type { CardAction } from './card-action';
import type { Command } from './command';
import type { HttpRoute } from './http-route';
import type { BotServices } from './services';

/** Work a feature does on a timer (reminders, deadlines). Runs on every instance: `run` must be idempotent. */
export interface ScheduledJob {
  name: string;
  /** How often `run` is called; a run never overlaps the previous one of the same job. */
  everyMs: number;
  run(now: Date): Promise<void>;
}

/**
 * One feature: its typed commands, card verbs, HTTP routes and scheduled jobs, each entry point
 * with its declared access. Listed once in `bot/features.ts`. Error texts live apart, in
 * `<feature>.errors.ts`, so `bot/i18n` can read them without a cycle.
 */
export interface BotFeature {
  name: string;
  commands?: readonly Command[];
  actions?: readonly CardAction[];
  routes?(services: BotServices): readonly HttpRoute[];
  jobs?(services: BotServices): readonly ScheduledJob[];
}
