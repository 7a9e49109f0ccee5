import { AuthenticationConstants, ClaimsIdentity, TeamsConnectorClient, type BotFrameworkAuthentication, type ConnectorClient } from 'botframework-connector';
import { z } from 'zod';
import { TeamsAccount } from '../../domain/reach/team-roster';
import type { TeamDirectory } from '../../domain/reach/team-directory';

/**
 * Reads team rosters and channel lists over the Bot Framework connector (the same calls as
 * `TeamsInfo.getPagedTeamMembers` and `TeamsInfo.getTeamChannels`), outside any turn, so a
 * periodic refresh works too. Reads are idempotent: the SDK's own retries (429 with Retry-After,
 * 5xx) are left on here.
 */
const Page = z.object({ continuationToken: z.string().nullish(), members: z.array(z.unknown()).default([]) }).loose();
const Channels = z.object({ conversations: z.array(z.object({ id: z.string().min(1), name: z.string().nullish() }).loose()).default([]) }).loose();

export function createConnectorTeamDirectory(options: { auth: BotFrameworkAuthentication; appId?: string }): TeamDirectory {
  const appId = options.appId ?? '';
  const identity = new ClaimsIdentity(
    [
      { type: AuthenticationConstants.AudienceClaim, value: appId },
      { type: AuthenticationConstants.AppIdClaim, value: appId },
    ],
    true,
  );
  const factory = options.auth.createConnectorFactory(identity);
  const clients = new Map<string, Promise<ConnectorClient>>();
  const clientFor = (serviceUrl: string): Promise<ConnectorClient> => {
    let found = clients.get(serviceUrl);
    if (found === undefined) {
      found = factory.create(serviceUrl);
      found.catch(() => clients.delete(serviceUrl));
      clients.set(serviceUrl, found);
    }
    return found;
  };

  return {
    async readMembers(team, page) {
      const client = await clientFor(team.serviceUrl);
      const query: { pageSize: number; continuationToken?: string } = { pageSize: page.pageSize };
      if (page.continuationToken !== undefined) query.continuationToken = page.continuationToken;
      const answer = Page.parse(await client.conversations.getConversationPagedMembers(team.teamId, query as { pageSize: number; continuationToken: string }));
      // A member Teams describes oddly is skipped, not fatal for the whole roster.
      const members = answer.members.flatMap((raw) => {
        const parsed = TeamsAccount.safeParse(raw);
        return parsed.success ? [parsed.data] : [];
      });
      return { members, ...(answer.continuationToken === undefined || answer.continuationToken === null ? {} : { continuationToken: answer.continuationToken }) };
    },

    async readChannels(team) {
      const client = await clientFor(team.serviceUrl);
      const teams = new TeamsConnectorClient(client.credentials, { baseUri: team.serviceUrl });
      const answer = Channels.parse(await teams.teams.fetchChannelList(team.teamId));
      return answer.conversations.map((channel) => ({ conversationId: channel.id, ...(typeof channel.name === 'string' && channel.name !== '' ? { name: channel.name.slice(0, 200) } : {}) }));
    },
  };
}
