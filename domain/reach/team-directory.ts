import type { TeamChannel, TeamsAccount } from './team-roster';

/** Where the bot reads a team's roster and channels from (the Teams connector); bot/ implements it. */
export interface TeamAddress {
  teamId: string;
  serviceUrl: string;
}

export interface RosterPage {
  members: TeamsAccount[];
  continuationToken?: string;
}

export interface TeamDirectory {
  /** One page of the team's members (`GET /v3/conversations/{teamId}/pagedmembers`). */
  readMembers(team: TeamAddress, page: { pageSize: number; continuationToken?: string }): Promise<RosterPage>;
  /** The team's channels, General (the team's id) included (`GET /v3/teams/{teamId}/conversations`). */
  readChannels(team: TeamAddress): Promise<TeamChannel[]>;
}
