import { randomBytes } from 'node:crypto';
import type { EmulatedTeam, EmulatedUser } from './emulator-types';

/**
 * Teams and their rosters inside the connector emulator. A team's General channel has the team's
 * own id (as in Teams); other channels get their own `19:…@thread.tacv2` ids. The bot may open a
 * 1:1 chat with a person when the app is installed for them or in a team they belong to.
 */
interface TeamState {
  id: string;
  name: string;
  aadGroupId: string;
  tenantId: string;
  botInstalled: boolean;
  channels: { id: string; name?: string }[];
  /** Entra object ids, in the order they joined (the order pages come in). */
  members: string[];
}

/** Teams pages rosters; asking for more than this many per page gets this many. */
export const MAX_PAGE_SIZE = 500;
/** Without `pageSize`, a page holds this many members. */
export const DEFAULT_PAGE_SIZE = 200;

const encodeToken = (teamId: string, offset: number, generation: number): string =>
  Buffer.from(JSON.stringify({ t: teamId, o: offset, g: generation })).toString('base64url');

function decodeToken(token: string): { t: string; o: number; g: number } | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { t?: unknown; o?: unknown; g?: unknown };
    return typeof parsed.t === 'string' && typeof parsed.o === 'number' && typeof parsed.g === 'number' ? { t: parsed.t, o: parsed.o, g: parsed.g } : undefined;
  } catch {
    return undefined;
  }
}

export type PageResult = { ok: true; page: { continuationToken?: string; members: Record<string, unknown>[] } } | { ok: false; code: 'BadArgument' };

export class EmulatedTeams {
  private readonly teams = new Map<string, TeamState>();
  /** Channel id → team id, General included. */
  private readonly channelOwner = new Map<string, string>();
  private generation = 0;

  constructor(private readonly userByAad: (aadObjectId: string) => EmulatedUser | undefined) {}

  add(input: { id?: string; name: string; tenantId: string; members?: readonly string[]; channels?: readonly string[]; botInstalled?: boolean }): EmulatedTeam {
    const id = input.id ?? `19:${randomBytes(16).toString('hex')}@thread.tacv2`;
    const team: TeamState = {
      id,
      name: input.name,
      aadGroupId: crypto.randomUUID(),
      tenantId: input.tenantId,
      botInstalled: input.botInstalled ?? true,
      channels: [{ id }, ...(input.channels ?? []).map((name) => ({ id: `19:${randomBytes(16).toString('hex')}@thread.tacv2`, name }))],
      members: [...new Set(input.members ?? [])],
    };
    this.teams.set(id, team);
    for (const channel of team.channels) this.channelOwner.set(channel.id, id);
    return this.view(team);
  }

  find(teamOrChannelId: string): TeamState | undefined {
    const teamId = this.channelOwner.get(teamOrChannelId.split(';')[0] ?? '') ?? teamOrChannelId;
    return this.teams.get(teamId);
  }

  view(team: TeamState): EmulatedTeam {
    return { id: team.id, name: team.name, aadGroupId: team.aadGroupId, tenantId: team.tenantId, botInstalled: team.botInstalled, channels: team.channels.map((c) => ({ ...c })), members: [...team.members] };
  }

  addMember(teamId: string, aadObjectId: string): void {
    const team = this.required(teamId);
    if (!team.members.includes(aadObjectId)) team.members.push(aadObjectId);
    this.generation++;
  }

  removeMember(teamId: string, aadObjectId: string): void {
    const team = this.required(teamId);
    team.members = team.members.filter((id) => id !== aadObjectId);
    this.generation++;
  }

  setInstalled(teamId: string, installed: boolean): void {
    this.required(teamId).botInstalled = installed;
  }

  /** Whether the bot may reach this person through a team the app is installed in. */
  reachesThroughTeam(aadObjectId: string): boolean {
    for (const team of this.teams.values()) if (team.botInstalled && team.members.includes(aadObjectId)) return true;
    return false;
  }

  account(user: EmulatedUser): Record<string, unknown> {
    return {
      id: user.teamsId,
      name: user.name ?? user.aadObjectId,
      aadObjectId: user.aadObjectId,
      ...(user.email === undefined ? {} : { email: user.email }),
      userPrincipalName: user.upn ?? user.email ?? `${user.aadObjectId}@emulated.example`,
      tenantId: user.tenantId,
      userRole: 'user',
    };
  }

  /** One page of a team's roster; the token is opaque and tied to the team. */
  page(team: TeamState, pageSize: number | undefined, token: string | undefined): PageResult {
    const size = Math.min(Math.max(1, pageSize ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    let offset = 0;
    if (token !== undefined && token.length > 0) {
      const decoded = decodeToken(token);
      if (decoded === undefined || decoded.t !== team.id || decoded.o < 0) return { ok: false, code: 'BadArgument' };
      offset = decoded.o;
    }
    const slice = team.members.slice(offset, offset + size);
    const members = slice.map((id) => this.userByAad(id)).filter((user): user is EmulatedUser => user !== undefined).map((user) => this.account(user));
    const next = offset + size;
    return { ok: true, page: { ...(next < team.members.length ? { continuationToken: encodeToken(team.id, next, this.generation) } : {}), members } };
  }

  members(team: TeamState): Record<string, unknown>[] {
    return team.members.map((id) => this.userByAad(id)).filter((user): user is EmulatedUser => user !== undefined).map((user) => this.account(user));
  }

  channelList(team: TeamState): { conversations: { id: string; name?: string }[] } {
    return { conversations: team.channels.map((c) => ({ ...c })) };
  }

  private required(teamId: string): TeamState {
    const team = this.teams.get(teamId);
    if (team === undefined) throw new Error(`no emulated team ${teamId}`);
    return team;
  }
}
