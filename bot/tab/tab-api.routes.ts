import { z } from 'zod';
import { agendaCard } from '../../cards/agenda.card';
import { foraCard } from '../../cards/fora.card';
import { agendaTexts } from '../agendas/agendas.texts';
import { canLinkChannel } from '../../domain/fora/forum.rules';
import { DomainError } from '../../domain/shared/domain-error';
import { cprRefusedFields, GuardedText } from '../../domain/shared/guarded-text';
import { EntityId } from '../../domain/shared/ids';
import { tabPlanFor } from '../plan/plan-tab';
import { linkChannel } from '../registry/channel-link.service';
import type { Access } from '../core/access';
import type { HttpRequest, HttpResponse, HttpRoute, RouteAccess } from '../core/http-route';
import type { BotServices } from '../core/services';
import type { TurnInfo } from '../core/turn-info';
import { errorText, messagesFor, type Lang } from '../i18n';
import { loadForumDashboard, loadPersonalDashboard } from './dashboard.service';
import { pictureTabRoute } from './picture-tab.routes';
import type { IdentityResolver } from './tab-identity';

const LangQuery = z.object({ lang: z.enum(['da', 'en']).optional() }).loose();
const ForumParams = z.object({ forumId: EntityId });
/** What the configuration page knows from Teams' context about the channel it is added to. */
export const LinkBody = z.object({
  forumId: EntityId,
  channelId: z.string().trim().min(1).max(1024),
  teamId: z.string().trim().min(1).max(1024).optional(),
  channelName: GuardedText.trim().max(200).optional(),
});

/** HTTP status for each refusal; anything not listed is a 403 (a rule said no). */
const STATUS: Record<string, number> = {
  'TAB.NOT_SIGNED_IN': 401,
  'TAB.TOKEN_INVALID': 401,
  'TAB.TOKEN_EXPIRED': 401,
  'TAB.DEV_IDENTITY_OFF': 401,
  'TAB.SSO_NOT_CONFIGURED': 503,
  'TAB.KEYS_UNAVAILABLE': 503,
  'TAB.BAD_REQUEST': 400,
  'INPUT.CPR_NUMBER': 400,
  'TAB.BOT_NOT_IN_TEAM': 409,
  'BOT.LINK_NEEDS_CHANNEL': 400,
};

function langOf(req: HttpRequest, services: BotServices): Lang {
  const parsed = LangQuery.safeParse(req.query);
  return parsed.success && parsed.data.lang !== undefined ? parsed.data.lang : services.config.locale.startsWith('en') ? 'en' : 'da';
}

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { 'cache-control': 'no-store' }, json: body });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const [field] = cprRefusedFields(parsed.error);
    throw field === undefined ? new DomainError('TAB.BAD_REQUEST') : new DomainError('INPUT.CPR_NUMBER', { field });
  }
  return parsed.data;
}

/** The local mode's picker: each stored member by name, with the fora anyone may know they sit in (never a sensitive one). */
async function developmentUsers(services: BotServices): Promise<{ userId: string; displayName: string; fora: string[] }[]> {
  const fora = await services.fora.list();
  const people = new Map<string, { userId: string; displayName: string; fora: string[] }>();
  const lists = await Promise.all(fora.map(async (f) => ({ forum: f, members: await services.members.listByForum(f.id) })));
  for (const { forum, members } of lists) {
    for (const m of members) {
      const person = people.get(m.userId) ?? { userId: m.userId, displayName: m.displayName, fora: [] };
      if (!forum.sensitive) person.fora.push(forum.name);
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

/** The tab's API: a person proven by Teams SSO (or, in local mode, the chosen development identity). */
export function tabApiRoutes(services: BotServices, identity: IdentityResolver): HttpRoute[] {
  const person = (access: Access<HttpRequest>): RouteAccess => ({ kind: 'person', proof: 'teams-sso', identify: (req) => identity.identify(req), access });
  const own: Access<HttpRequest> = { kind: 'anyone', why: 'only the signed-in person’s own fora, items and cases' };
  // Refusals become a status and a text in the page's language.
  const refuse = (code: string, req: HttpRequest): HttpResponse => {
    if (code.startsWith('TAB.TOKEN')) services.logger.warn({ code }, 'tab: token refused');
    return json(STATUS[code] ?? 403, { error: { code, message: errorText(messagesFor(langOf(req, services)), code) } });
  };
  return [
    pictureTabRoute(services, person, refuse, (req) => langOf(req, services)),
    {
      // Which sign-in the page must use; in local mode, whom it may pretend to be.
      method: 'GET',
      path: '/api/tab/session',
      access: { kind: 'public', why: 'the sign-in mode; in local mode only, names for the development picker without sensitive fora' },
      refuse,
      async handle() {
        if (identity.mode === 'teams') return json(200, { mode: 'teams', timeZone: services.config.timeZone });
        return json(200, { mode: 'local', timeZone: services.config.timeZone, devUsers: await developmentUsers(services) });
      },
    },
    {
      method: 'GET',
      path: '/api/tab/personal',
      access: person(own),
      refuse,
      async handle({ req, person: who }) {
        if (who === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
        const dashboard = await loadPersonalDashboard(services, who.userId);
        const fora = await services.fora.list();
        const t = messagesFor(langOf(req, services));
        // The same card the bot sends for "fora", rendered by the page with the adaptivecards library.
        const card = foraCard(t.cards.fora, {
          fora: dashboard.fora.map((f) => ({ id: f.id, name: f.name, level: f.level, sensitive: f.sensitive, linkedHere: false })),
          offerLink: false,
        });
        return json(200, { dashboard, foraNames: Object.fromEntries(fora.map((f) => [f.id, f.name])), cards: { fora: card } });
      },
    },
    {
      method: 'GET',
      path: '/api/tab/forum/:forumId',
      access: person({ kind: 'forum', requirement: 'member', forumId: (req) => parse(ForumParams, req.params).forumId }),
      refuse,
      async handle({ req, person: who }) {
        if (who === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
        const { forumId } = parse(ForumParams, req.params);
        const loaded = await loadForumDashboard(services, who.userId, forumId);
        if (loaded === undefined) throw new DomainError('ACCESS.DENIED');
        const { result, forum, fora, agenda } = loaded;
        if (!result.ok) throw new DomainError(result.code, result.context ?? {});
        const lang = langOf(req, services);
        // The agenda card the bot posts in the channel, rendered by the page with the adaptivecards library.
        const card = agenda === undefined ? undefined : agendaCard(agendaTexts[lang].agenda, { forumName: forum.name, agenda, timeZone: services.config.timeZone });
        return json(200, {
          viewer: { userId: who.userId },
          dashboard: result.dashboard,
          foraNames: Object.fromEntries(fora.map((f) => [f.id, f.name])),
          cards: card === undefined ? {} : { agenda: card },
        });
      },
    },
    {
      // The published local action plan: everyone's to read; sealed initiatives only for their forum's members.
      method: 'GET',
      path: '/api/tab/plan',
      access: person({ kind: 'anyone', why: 'the published plan is the municipality’s; sealed initiatives are filtered for the signed-in person' }),
      refuse,
      async handle({ person: who }) {
        if (who === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
        return json(200, { plan: await tabPlanFor(services, who.userId) });
      },
    },
    {
      // The fora the configuration page offers: those the user may link a channel to (chair, secretary).
      method: 'GET',
      path: '/api/tab/linkable',
      access: person(own),
      refuse,
      async handle({ person: who }) {
        if (who === undefined) throw new DomainError('TAB.NOT_SIGNED_IN');
        const [fora, memberships] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(who.userId)]);
        const linkable = memberships.filter((m) => canLinkChannel({ userId: who.userId, displayName: '-', roles: m.roles }).ok).map((m) => m.forumId);
        return json(200, { fora: fora.filter((f) => linkable.includes(f.id)).map((f) => ({ id: f.id, name: f.name, level: f.level, sensitive: f.sensitive })) });
      },
    },
    {
      method: 'POST',
      path: '/api/tab/link',
      // Refused before anything else is looked up: a non-chair learns nothing about the team.
      access: person({ kind: 'forum', requirement: 'editor', forumId: (req) => parse(LinkBody, req.body).forumId }),
      refuse,
      async handle({ req, person: who, granted }) {
        const body = parse(LinkBody, req.body);
        const forum = granted.forum;
        if (who === undefined || forum === undefined) throw new DomainError('ACCESS.DENIED');
        const where = await serviceUrlFor(services, body, who.userId);
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
        const result = await linkChannel(services, { forum, info });
        if (!result.ok) throw new DomainError(result.code, result.context ?? {});
        return json(200, { forum: { id: result.forum.id, name: result.forum.name }, already: result.already });
      },
    },
  ];
}
