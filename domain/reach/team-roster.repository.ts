import type { RosterMember, TeamInstall } from './team-roster';

/** Teams the app is installed in and their rosters. */
export interface TeamRosterRepository {
  findTeam(teamId: string): Promise<TeamInstall | undefined>;
  /** Active and inactive teams. */
  listTeams(): Promise<TeamInstall[]>;
  /** Last write wins: what Teams told us most recently is the truth. */
  saveTeam(team: TeamInstall): Promise<void>;
  /** The team a channel belongs to (General or another), among the stored teams' channel lists. */
  findTeamOfChannel(conversationId: string): Promise<TeamInstall | undefined>;
  listMembers(teamId: string): Promise<RosterMember[]>;
  /** Writes (inserts or replaces) roster rows of one team. */
  putMembers(teamId: string, members: readonly RosterMember[]): Promise<void>;
  /** Removes people from a team's roster; absent ones are ignored. */
  removeMembers(teamId: string, userIds: readonly string[]): Promise<void>;
  /** This person on the roster of an active team, if any (the newest seen). */
  findMember(userId: string): Promise<RosterMember | undefined>;
  /** A person on an active team's roster by e-mail or sign-in name (case does not matter). */
  findMemberByEmail(email: string): Promise<RosterMember | undefined>;
}
