import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { agendaCard } from '../../cards/agenda.card';
import { foraCard } from '../../cards/fora.card';
import { agendaTexts } from '../agendas/agendas.texts';
import { canLinkChannel } from '../../domain/fora/forum.rules';
import { DomainError } from '../../domain/shared/domain-error';
import { EntityId } from '../../domain/shared/ids';
import { linkChannel } from '../handlers/channel-link.service';
import type { BotServices } from '../handlers/bot-services';
import type { TurnInfo } from '../handlers/turn-info';
import { errorText, messagesFor, type Lang } from '../i18n';
import { loadForumDashboard, loadPersonalDashboard } from './dashboard.service';
import type { IdentityResolver, TabIdentity } from './tab-identity';

const LangQuery = z.object({ lang: z.enum(['da', 'en']).optional() }).loose();
const ForumParams = z.object({ forumId: EntityId });
/** What the configuration page knows from Teams' context about the channel it is added to. */
export const LinkBody = z.object({
  forumId: EntityId,
  channelId: z.string().trim().min(1).max(1024),
  teamId: z.string().trim().min(1).max(1024).optional(),
  channelName: z.string().trim().max(200).optional(),
});

/** HTTP status for each refusal; anything not listed is a 403 (a rule said no). */
const STATUS: Record<string, number> = {
  'TAB.NOT_SIGNED_IN': 401,
  'TAB.TOKEN_INVALID': 401,
  'TAB.TOKEN_EXPIRED': 401,
  'TAB.DEV_IDENTITY_OFF': 401,
  'TAB.SSO_NOT_CONFIGURED': 503,
  'TAB.BAD_REQUEST': 400,
  'TAB.BOT_NOT_IN_TEAM': 409,
  'BOT.FORUM_UNKNOWN': 404,
  'BOT.LINK_NEEDS_CHANNEL': 400,
};

type Handler = (ctx: { req: Request; lang: Lang; services: BotServices; identity: TabIdentity }) => Promise<unknown>;

function langOf(req: Request, services: BotServices): Lang {
  const parsed = LangQuery.safeParse(req.query ?? {});
  return parsed.success && parsed.data.lang !== undefined ? parsed.data.lang : services.config.locale.startsWith('en') ? 'en' : 'da';
}

function refuse(res: Response, lang: Lang, code: string, context: Record<string, unknown> = {}): void {
  res.header('cache-control', 'no-store');
  res.send(STATUS[code] ?? 403, { error: { code, message: errorText(messagesFor(lang), code, context) } });
}

/** Identify, run, answer JSON; refusals become a status and a text in the page's language. */
function endpoint(services: BotServices, identity: IdentityResolver, handler: Handler) {
  return async (req: Request, res: Response) => {
    const lang = langOf(req, services);
    try {
      const who = await identity.identify(req);
      const body = await handler({ req, lang, services, identity: who });
      res.header('cache-control', 'no-store');
      res.send(200, body);
    } catch (error) {
      if (error instanceof DomainError) {
        if (error.code.startsWith('TAB.TOKEN')) services.logger.warn({ code: error.code, reason: error.context.reason }, 'tab: token refused');
        refuse(res, lang, error.code);
        return;
      }
      services.logger.error({ err: error, path: req.path() }, 'tab api failed');
      res.send(500, { error: { code: 'TAB.FAILED', message: messagesFor(lang).unknownError } });
    }
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError('TAB.BAD_REQUEST');
  return parsed.data;
}

/** Every member of every forum, for the local development identity picker. */
async function developmentUsers(services: BotServices): Promise<{ userId: string; displayName: string; fora: string[] }[]> {
  const fora = await services.fora.list();
  const people = new Map<string, { userId: string; displayName: string; fora: string[] }>();
  const lists = await Promise.all(fora.map(async (f) => ({ forum: f, members: await services.members.listByForum(f.id) })));
  for (const { forum, members } of lists) {
    for (const m of members) {
      const person = people.get(m.userId) ?? { userId: m.userId, displayName: m.displayName, fora: [] };
      person.fora.push(forum.name);
      people.set(m.userId, person);
    }
  }
  return [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'da'));
}

/** Where Teams reaches the team (the bot's conversation address), needed to post into the channel later. */
async function serviceUrlFor(services: BotServices, body: z.infer<typeof LinkBody>, userId: string): Promise<{ serviceUrl: string; tenantId: string } | undefined> {
  const address = (await services.conversations.findById(body.channelId)) ?? (body.teamId === undefined ? undefined : await services.conversations.findById(body.teamId));
  if (address !== undefined) return { serviceUrl: address.serviceUrl, tenantId: address.tenantId };
  const known = await services.knownUsers.findById(userId);
  return known === undefined ? undefined : { serviceUrl: known.serviceUrl, tenantId: known.tenantId };
}

export function tabApiRoutes(server: Server, services: BotServices, identity: IdentityResolver): void {
  // Which sign-in the page must use; in local mode, whom it may pretend to be. Needs no identity.
  server.get('/api/tab/session', async (req: Request, res: Response) => {
    res.header('cache-control', 'no-store');
    if (identity.mode === 'teams') {
      res.send(200, { mode: 'teams', timeZone: services.config.timeZone });
      return;
    }
    try {
      res.send(200, { mode: 'local', timeZone: services.config.timeZone, devUsers: await developmentUsers(services) });
    } catch (error) {
      services.logger.error({ err: error, path: req.path() }, 'tab api failed');
      res.send(500, { error: { code: 'TAB.FAILED', message: messagesFor(langOf(req, services)).unknownError } });
    }
  });

  server.get(
    '/api/tab/personal',
    endpoint(services, identity, async ({ lang, services: s, identity: who }) => {
      const dashboard = await loadPersonalDashboard(s, who.userId);
      const fora = await s.fora.list();
      const t = messagesFor(lang);
      // The same card the bot sends for "fora", rendered by the page with the adaptivecards library.
      const card = foraCard(t.cards.fora, {
        fora: dashboard.fora.map((f) => ({ id: f.id, name: f.name, level: f.level, sensitive: f.sensitive, linkedHere: false })),
        offerLink: false,
      });
      return { dashboard, foraNames: Object.fromEntries(fora.map((f) => [f.id, f.name])), cards: { fora: card } };
    }),
  );

  server.get(
    '/api/tab/forum/:forumId',
    endpoint(services, identity, async ({ req, lang, services: s, identity: who }) => {
      const { forumId } = parse(ForumParams, req.params);
      const loaded = await loadForumDashboard(s, who.userId, forumId);
      if (loaded === undefined) throw new DomainError('BOT.FORUM_UNKNOWN');
      const { result, forum, fora, agenda } = loaded;
      if (!result.ok) throw new DomainError(result.code, result.context ?? {});
      // The agenda card the bot posts in the channel, rendered by the page with the adaptivecards library.
      const card = agenda === undefined ? undefined : agendaCard(agendaTexts[lang].agenda, { forumName: forum.name, agenda, timeZone: s.config.timeZone });
      return {
        viewer: { userId: who.userId },
        dashboard: result.dashboard,
        foraNames: Object.fromEntries(fora.map((f) => [f.id, f.name])),
        cards: card === undefined ? {} : { agenda: card },
      };
    }),
  );

  // The fora the configuration page offers: those the user may link a channel to (chair, secretary).
  server.get(
    '/api/tab/linkable',
    endpoint(services, identity, async ({ services: s, identity: who }) => {
      const [fora, memberships] = await Promise.all([s.fora.list(), s.members.listMembershipsOfUser(who.userId)]);
      const linkable = memberships.filter((m) => canLinkChannel({ userId: who.userId, displayName: '-', roles: m.roles }).ok).map((m) => m.forumId);
      return { fora: fora.filter((f) => linkable.includes(f.id)).map((f) => ({ id: f.id, name: f.name, level: f.level, sensitive: f.sensitive })) };
    }),
  );

  server.post(
    '/api/tab/link',
    endpoint(services, identity, async ({ req, services: s, identity: who }) => {
      const body = parse(LinkBody, req.body);
      const forum = await s.fora.findById(body.forumId);
      if (forum === undefined) throw new DomainError('BOT.FORUM_UNKNOWN');
      // Refuse before looking anything else up: a non-chair learns nothing about the team.
      const verdict = canLinkChannel(await s.members.find(forum.id, who.userId));
      if (!verdict.ok) throw new DomainError(verdict.code, verdict.context ?? {});
      const where = await serviceUrlFor(s, body, who.userId);
      if (where === undefined) throw new DomainError('TAB.BOT_NOT_IN_TEAM');
      // A verified token's tenant wins over the stored one; they agree in a real tenant.
      const info: TurnInfo = {
        serviceUrl: where.serviceUrl,
        tenantId: who.tenantId ?? where.tenantId,
        botId: '',
        actor: { userId: who.userId, teamsId: '' },
        place: {
          conversationId: body.channelId,
          kind: 'channel',
          ...(body.teamId === undefined ? {} : { teamId: body.teamId }),
          ...(body.channelName === undefined ? {} : { channelName: body.channelName }),
        },
      };
      const result = await linkChannel(s, { forum, info });
      if (!result.ok) throw new DomainError(result.code, result.context ?? {});
      return { forum: { id: result.forum.id, name: result.forum.name }, already: result.already };
    }),
  );
}
