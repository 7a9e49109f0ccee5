import type { Clock } from '../../domain/shared/time';
import type { TeamDirectory } from '../../domain/reach/team-directory';
import { diffRoster, rosterMemberFrom, type RosterMember, type TeamInstall, type TeamsAccount } from '../../domain/reach/team-roster';
import type { TeamRosterRepository } from '../../domain/reach/team-roster.repository';

/**
 * Keeps the stored roster of a team in step with Teams: a full paged read (on install, on
 * `tilknyt`, and periodically), or the members one `conversationUpdate` added or removed.
 */
export interface RosterSyncDeps {
  directory: TeamDirectory;
  rosters: TeamRosterRepository;
  clock: Clock;
}

export interface RosterSyncResult {
  members: number;
  added: string[];
  removed: string[];
  pages: number;
}

/** The largest page Teams gives. */
const PAGE_SIZE = 500;
/** Pages are read at most this often: within Teams' read limit for one team (16 per 2 s). */
const PAGE_GAP_MS = 150;

export async function syncTeamRoster(deps: RosterSyncDeps, team: TeamInstall): Promise<RosterSyncResult> {
  const now = deps.clock.now();
  const fresh: RosterMember[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    if (pages > 0) await new Promise((resolve) => setTimeout(resolve, PAGE_GAP_MS));
    const page = await deps.directory.readMembers(team, { pageSize: PAGE_SIZE, ...(token === undefined ? {} : { continuationToken: token }) });
    pages++;
    for (const account of page.members) {
      const member = rosterMemberFrom(account, team, now);
      if (member !== undefined) fresh.push(member);
    }
    token = page.continuationToken;
  } while (token !== undefined && token !== '');

  const stored = await deps.rosters.listMembers(team.teamId);
  const diff = diffRoster(stored, fresh);
  await deps.rosters.putMembers(team.teamId, diff.upsert);
  await deps.rosters.removeMembers(team.teamId, diff.remove);
  const channels = await deps.directory.readChannels(team).catch(() => team.channels);
  await deps.rosters.saveTeam({ ...team, channels: mergeChannels(team, channels), rosterSyncedAt: now.toISOString(), memberCount: fresh.length });
  const before = new Set(stored.map((member) => member.userId));
  return { members: fresh.length, added: diff.upsert.filter((member) => !before.has(member.userId)).map((member) => member.userId), removed: diff.remove, pages };
}

/** The channel list read now, plus a channel we learnt from a turn that the list does not show yet. */
function mergeChannels(team: TeamInstall, read: TeamInstall['channels']): TeamInstall['channels'] {
  const byId = new Map(read.map((channel) => [channel.conversationId, channel]));
  for (const channel of team.channels) if (!byId.has(channel.conversationId)) byId.set(channel.conversationId, channel);
  if (!byId.has(team.teamId)) byId.set(team.teamId, { conversationId: team.teamId });
  return [...byId.values()].slice(0, 1_000);
}

/** Members a `conversationUpdate` added: written at once (no full read needed). */
export async function addRosterMembers(deps: Pick<RosterSyncDeps, 'rosters' | 'clock'>, team: TeamInstall, accounts: readonly TeamsAccount[]): Promise<string[]> {
  const members = accounts.map((account) => rosterMemberFrom(account, team, deps.clock.now())).filter((member): member is RosterMember => member !== undefined);
  await deps.rosters.putMembers(team.teamId, members);
  return members.map((member) => member.userId);
}

export async function removeRosterMembers(deps: Pick<RosterSyncDeps, 'rosters'>, team: TeamInstall, userIds: readonly string[]): Promise<void> {
  await deps.rosters.removeMembers(team.teamId, userIds);
}
