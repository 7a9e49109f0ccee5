import type { BotFeature } from '../core/feature';

const HOUR_MS = 3_600_000;

/**
 * Reaching people: the periodic read of every team roster the app is in (members who joined or
 * left while no event reached the bot), besides the events handled as they come.
 */
export const reachFeature: BotFeature = {
  name: 'reach',
  jobs: (services) => [
    {
      name: 'reach.rosters',
      everyMs: (services.config.rosterRefreshHours ?? 24) * HOUR_MS,
      run: () => services.reach.refreshAll(),
    },
  ],
};
