import type { TeamDirectory } from '../../domain/reach/team-directory';
import type { TeamChannel, TeamInstall, TeamsAccount } from '../../domain/reach/team-roster';
import type { TeamRosterRepository } from '../../domain/reach/team-roster.repository';
import type { Clock } from '../../domain/shared/time';
import type { Logger } from '../logger';
import type { Outbox } from '../outbox/outbox';
import { addRosterMembers, removeRosterMembers, syncTeamRoster } from './roster-sync';

/**
 * Who the bot can reach, kept current: teams the app is in (with their channels and rosters), and
 * the cards waiting for a person that go once they can be reached.
 */
export interface TeamSeen {
  teamId: string;
  serviceUrl: string;
  tenantId: string;
  botId: string;
  name?: string;
  /** The channel this turn came from (General or another): its address is kept. */
  channel?: TeamChannel;
}

export interface ReachService {
  /** The app was added to a team, or a channel of it was linked: keep the team and read its roster. */
  teamSeen(team: TeamSeen): Promise<void>;
  teamRemoved(teamId: string): Promise<void>;
  membersAdded(teamId: string, accounts: readonly TeamsAccount[]): Promise<void>;
  membersRemoved(teamId: string, userIds: readonly string[]): Promise<void>;
  /** Reads every active team's roster again (the periodic refresh). */
  refreshAll(): Promise<void>;
  /** This person can be reached now (they opened Forumbot): their waiting cards go. */
  personReachable(userId: string): Promise<number>;
}

export interface ReachDeps {
  rosters: TeamRosterRepository;
  directory: TeamDirectory;
  outbox: Pick<Outbox, 'deliverWaiting'>;
  clock: Clock;
  logger: Logger;
}

export function createReachService(deps: ReachDeps): ReachService {
  const { rosters, clock, logger } = deps;

  /** People who just appeared on a roster get what waited for them; one failure does not stop the rest. */
  async function deliverTo(userIds: readonly string[]): Promise<void> {
    for (const userId of userIds) {
      try {
        const count = await deps.outbox.deliverWaiting(userId);
        if (count > 0) logger.info({ userId, count }, 'reach: waiting cards sent to a person now reachable');
      } catch (error) {
        logger.error({ err: error, userId }, 'reach: could not send the waiting cards');
      }
    }
  }

  async function sync(team: TeamInstall): Promise<void> {
    try {
      const result = await syncTeamRoster({ directory: deps.directory, rosters, clock }, team);
      logger.info({ teamId: team.teamId, members: result.members, added: result.added.length, removed: result.removed.length, pages: result.pages }, 'reach: team roster read');
      await deliverTo(result.added);
    } catch (error) {
      // The roster is read again on the next refresh; a failure here must not fail the turn.
      logger.error({ err: error, teamId: team.teamId }, 'reach: could not read the team roster');
    }
  }

  return {
    async teamSeen(seen) {
      const stored = await rosters.findTeam(seen.teamId);
      const channels = [...(stored?.channels ?? [])];
      if (seen.channel !== undefined && !channels.some((c) => c.conversationId === seen.channel?.conversationId)) channels.push(seen.channel);
      const team: TeamInstall = {
        ...(stored ?? { installedAt: clock.now().toISOString() }),
        teamId: seen.teamId,
        serviceUrl: seen.serviceUrl,
        tenantId: seen.tenantId,
        botId: seen.botId,
        active: true,
        channels: channels.slice(0, 1_000),
        ...(seen.name === undefined ? (stored?.name === undefined ? {} : { name: stored.name }) : { name: seen.name.slice(0, 200) }),
      };
      const { version: _version, ...plain } = team;
      await rosters.saveTeam(plain);
      // A team seen again the same hour (Teams repeats install events) is not read again.
      const fresh = stored?.active === true && stored.rosterSyncedAt !== undefined && clock.now().getTime() - Date.parse(stored.rosterSyncedAt) < 3_600_000;
      if (!fresh) await sync(plain);
    },

    async teamRemoved(teamId) {
      const stored = await rosters.findTeam(teamId);
      if (stored === undefined) return;
      const { version: _version, ...plain } = stored;
      await rosters.saveTeam({ ...plain, active: false });
    },

    async membersAdded(teamId, accounts) {
      const team = await rosters.findTeam(teamId);
      if (team === undefined || !team.active) return;
      await deliverTo(await addRosterMembers({ rosters, clock }, team, accounts));
    },

    async membersRemoved(teamId, userIds) {
      const team = await rosters.findTeam(teamId);
      if (team === undefined) return;
      await removeRosterMembers({ rosters }, team, userIds);
    },

    async refreshAll() {
      for (const team of await rosters.listTeams()) if (team.active) await sync(team);
    },

    personReachable: (userId) => deps.outbox.deliverWaiting(userId),
  };
}
