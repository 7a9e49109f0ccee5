import { z } from 'zod';
import { UserId } from '../shared/ids';
import { Instant } from '../shared/time';

/**
 * A team the app is installed in, with what the bot needs to read its roster and post in any of
 * its channels without being spoken to there first. General has the team's own id.
 */
export const TeamChannel = z.object({
  conversationId: z.string().min(1).max(1024),
  name: z.string().max(200).optional(),
});
export type TeamChannel = z.infer<typeof TeamChannel>;

export const MAX_CHANNELS = 1_000;

export const TeamInstall = z.object({
  teamId: z.string().min(1).max(1024),
  name: z.string().max(200).optional(),
  serviceUrl: z.url(),
  tenantId: z.string().min(1).max(128),
  botId: z.string().min(1).max(256),
  active: z.boolean(),
  channels: z.array(TeamChannel).max(MAX_CHANNELS),
  installedAt: Instant,
  rosterSyncedAt: Instant.optional(),
  memberCount: z.number().int().min(0).optional(),
  version: z.string().optional(),
});
export type TeamInstall = z.infer<typeof TeamInstall>;

/** One person on a team's roster, as Teams' paged members call describes them. */
export const RosterMember = z.object({
  teamId: z.string().min(1).max(1024),
  userId: UserId,
  teamsId: z.string().min(1).max(256),
  tenantId: z.string().min(1).max(128),
  serviceUrl: z.url(),
  displayName: z.string().max(200).optional(),
  /** Lower-cased, for matching forum members by e-mail or sign-in name. */
  email: z.string().max(320).optional(),
  upn: z.string().max(320).optional(),
  seenAt: Instant,
});
export type RosterMember = z.infer<typeof RosterMember>;

/** What Teams answers for a member (TeamsChannelAccount); anything else it sends is ignored. */
export const TeamsAccount = z.object({
  id: z.string().min(1).max(256),
  name: z.string().max(400).optional(),
  aadObjectId: z.string().min(1).max(128).optional(),
  email: z.string().max(320).optional(),
  userPrincipalName: z.string().max(320).optional(),
  tenantId: z.string().max(128).optional(),
}).loose();
export type TeamsAccount = z.infer<typeof TeamsAccount>;

const lower = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim().toLowerCase());

/** A roster row from a Teams account; undefined for accounts without an Entra id (bots, guests of other kinds). */
export function rosterMemberFrom(account: TeamsAccount, team: Pick<TeamInstall, 'teamId' | 'tenantId' | 'serviceUrl'>, now: Date): RosterMember | undefined {
  if (account.aadObjectId === undefined || !account.id.startsWith('29:')) return undefined;
  const email = lower(account.email);
  const upn = lower(account.userPrincipalName);
  return {
    teamId: team.teamId,
    userId: account.aadObjectId,
    teamsId: account.id,
    tenantId: account.tenantId ?? team.tenantId,
    serviceUrl: team.serviceUrl,
    ...(account.name === undefined ? {} : { displayName: account.name.slice(0, 200) }),
    ...(email === undefined ? {} : { email }),
    ...(upn === undefined ? {} : { upn }),
    seenAt: now.toISOString(),
  };
}

/** Whether a stored roster row says something different from a fresh one (seenAt aside). */
export const rosterChanged = (stored: RosterMember, fresh: RosterMember): boolean =>
  stored.teamsId !== fresh.teamsId || stored.tenantId !== fresh.tenantId || stored.serviceUrl !== fresh.serviceUrl ||
  stored.displayName !== fresh.displayName || stored.email !== fresh.email || stored.upn !== fresh.upn;

export interface RosterDiff {
  /** New or changed rows to write. */
  upsert: RosterMember[];
  /** People no longer on the roster. */
  remove: string[];
}

/** What a full roster read changes in the stored roster. */
export function diffRoster(stored: readonly RosterMember[], fresh: readonly RosterMember[]): RosterDiff {
  const before = new Map(stored.map((member) => [member.userId, member]));
  const now = new Set(fresh.map((member) => member.userId));
  return {
    upsert: fresh.filter((member) => {
      const old = before.get(member.userId);
      return old === undefined || rosterChanged(old, member);
    }),
    remove: stored.filter((member) => !now.has(member.userId)).map((member) => member.userId),
  };
}
