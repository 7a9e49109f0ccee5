import { agendaCard } from '../../cards/agenda.card';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import { textsFor } from './agenda-context';
import { EDITOR_MEETINGS, editorCard } from './agenda-editor.view';
import { editorMustGoPrivately, sendEditorPrivately } from './private-editor';
import { upcomingMeetings } from '../meetings/upcoming-meetings';
import type { Place } from '../core/turn-info';
import type { BotServices } from '../core/services';
import { matchForaByName } from '../registry/forum-match';
import { command, type CommandRequest } from '../core/command';

const EDITOR_ROLES = ['chair', 'secretary'] as const;

/**
 * The forum meant: the channel's own, a typed name, or the one forum the person keeps agendas for.
 * One round trip (fora and memberships side by side); in a personal chat with no name only the
 * memberships, and the names of the fora only when there are several to choose from.
 */
type Meant = { id: string } | { several: Forum[] };

/** What the access check found, for the same turn's handler (keyed by the turn, dropped with it). */
const meantInTurn = new WeakMap<object, Promise<Meant>>();

function forumMeantOnce(services: BotServices, args: string, info: { place: Place }, userId: string): Promise<Meant> {
  let meant = meantInTurn.get(info);
  if (meant === undefined) {
    meant = forumMeant(services, args, info.place, userId);
    meantInTurn.set(info, meant);
  }
  return meant;
}

async function forumMeant(services: BotServices, args: string, place: Place, userId: string): Promise<Meant> {
  const named = args.replace(/^(ny|new)\b/i, '').trim();
  const everyForum = named !== '' || place.kind !== 'personal';
  const [fora, memberships] = await Promise.all([everyForum ? services.fora.list() : undefined, services.members.listMembershipsOfUser(userId)]);
  if (fora !== undefined && named !== '') {
    const match = matchForaByName(fora, named);
    if (match.kind === 'one') return match.forum;
    if (match.kind === 'several') return { several: match.fora };
    throw new DomainError('BOT.FORUM_UNKNOWN');
  }
  const linked = fora?.find((f) => f.teams?.conversationId === place.conversationId);
  if (linked !== undefined) return linked;
  const kept = memberships.filter((m) => m.roles.some((r) => (EDITOR_ROLES as readonly string[]).includes(r))).map((m) => m.forumId);
  if (kept.length === 1 && kept[0] !== undefined) return { id: kept[0] };
  // A membership may outlive its forum: only fora that exist are offered.
  const mine = kept.length === 0 ? [] : fora !== undefined ? fora.filter((f) => kept.includes(f.id)) : (await Promise.all(kept.map((id) => services.fora.findById(id)))).filter((f): f is Forum => f !== undefined);
  if (mine.length === 1 && mine[0] !== undefined) return mine[0];
  if (mine.length > 1) return { several: mine };
  throw new DomainError('AGENDA.NO_FORUM');
}

/** The agenda of the next meeting (a meeting in progress counts), or the latest draft. */
/** A meeting that began less than this ago still has "the next" agenda (it may be going on). */
const NEXT_AGENDA_GRACE_MS = 12 * 60 * 60 * 1000;

function nextAgenda(agendas: readonly Agenda[], now: Date): Agenda | undefined {
  const from = now.getTime() - NEXT_AGENDA_GRACE_MS;
  return [...agendas].filter((a) => Date.parse(a.meetingStart) >= from).sort((a, b) => a.meetingStart.localeCompare(b.meetingStart))[0];
}

/**
 * `dagsorden [ny] [forum]`: the chair and secretary get the editor card (or the card that creates
 * the next agenda); others get the published agenda.
 */
/** For the access check: the one forum meant, if there is one (several: the names only, which are public). */
async function meantForumId({ args, info }: CommandRequest, services: BotServices): Promise<string | undefined> {
  if (info.actor === undefined) return undefined;
  const meant = await forumMeantOnce(services, args, info, info.actor.userId);
  return 'several' in meant ? undefined : meant.id;
}

export const agendaCommand = command({
  name: 'agenda',
  words: ['dagsorden', 'dagsordener', 'agenda'],
  // The editor for chair and secretary, the published agenda for the rest of the forum's public.
  access: { kind: 'forum', requirement: 'public', forumId: meantForumId, optional: true },
  // Read beside the access check: the forum's agendas and, for the card that creates one, its next meetings.
  prefetch: (forumId, services) => {
    const now = services.clock.now();
    // The agendas from the grace before now on, in one query: the forum's history is not read.
    return Promise.all([services.agendas.listFrom(forumId, new Date(now.getTime() - NEXT_AGENDA_GRACE_MS)), upcomingMeetings(services, [forumId], now, { limit: EDITOR_MEETINGS })]);
  },
  async run({ t, info, actor, args, services, granted, prefetched }) {
    const userId = actor.userId;
    const texts = textsFor(t.lang);
    const forum = granted.forum;
    if (forum === undefined || prefetched === undefined) {
      // No one forum meant: several to choose from (their names are public), or the reason why none.
      const meant = await forumMeantOnce(services, args, info, userId);
      if ('several' in meant) return { text: texts.notices.pickForum(meant.several.map((f) => f.name).join(' / ')) };
      throw new DomainError('BOT.FORUM_UNKNOWN');
    }
    const roles = granted.member?.roles ?? [];
    const [agendas, upcoming] = prefetched;
    const wantsNew = /^(ny|new)\b/i.test(args);
    const agenda = wantsNew ? undefined : nextAgenda(agendas, services.clock.now());
    if (roles.some((r) => (EDITOR_ROLES as readonly string[]).includes(r))) {
      const card = await editorCard(services, t.lang, forum, roles, agenda, undefined, upcoming);
      if (!editorMustGoPrivately(info)) return { card, summary: texts.summaries.editor(forum.name) };
      await sendEditorPrivately(services, info, userId, forum, card, texts.summaries.editor(forum.name));
      return { text: texts.notices.editorSentPrivately(forum.name) };
    }
    if (roles.length === 0 && forum.sensitive) throw new DomainError('FORUM.SENSITIVE', { forumId: forum.id });
    if (agenda === undefined || agenda.state !== 'published') return { text: texts.notices.noAgenda(forum.name) };
    return { card: agendaCard(texts.agenda, { forumName: forum.name, agenda, timeZone: services.config.timeZone }), summary: texts.summaries.agenda(forum.name) };
  },
});
