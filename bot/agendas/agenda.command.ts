import { agendaCard } from '../../cards/agenda.card';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import { textsFor } from './agenda-context';
import { EDITOR_MEETINGS, editorCard } from './agenda-editor.view';
import { editorMustGoPrivately, sendEditorPrivately } from './private-editor';
import { upcomingMeetings, upcomingOfRows } from '../meetings/upcoming-meetings';
import { readPersonForaStepwise, type ForumRows } from '../core/forum-rows';
import type { SpeculativeForum } from '../core/access';
import type { Membership } from '../../domain/fora/forum.repository';
import type { Place } from '../core/turn-info';
import type { BotServices } from '../core/services';
import { matchForaByName } from '../registry/forum-match';
import { command, type CommandRequest } from '../core/command';

const EDITOR_ROLES = ['chair', 'secretary'] as const;

/**
 * The forum meant: the channel's own, a typed name, or the one forum the person keeps agendas for.
 * In a personal chat with no name, the person's memberships and their fora as kept in this process
 * (bot/core/forum-rows.ts): the one forum's id is known after the first round, so the check's
 * membership and the agendas are read in the second, beside the forum's rows where they changed
 * (and the card's meetings come from those rows). Elsewhere the fora and the memberships side by side.
 */
type Meant = { one: Forum | SpeculativeForum; rows?: Promise<ForumRows | undefined> } | { several: Forum[] };

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

const keepsAgendas = (m: Membership): boolean => m.roles.some((r) => (EDITOR_ROLES as readonly string[]).includes(r));

async function forumMeant(services: BotServices, args: string, place: Place, userId: string): Promise<Meant> {
  const named = args.replace(/^(ny|new)\b/i, '').trim();
  if (named === '' && place.kind === 'personal') return forumKeptBy(services, userId);
  const [fora, memberships] = await Promise.all([services.fora.list(), services.members.listMembershipsOfUser(userId)]);
  if (named !== '') {
    const match = matchForaByName(fora, named);
    if (match.kind === 'one') return { one: match.forum };
    if (match.kind === 'several') return { several: match.fora };
    throw new DomainError('BOT.FORUM_UNKNOWN');
  }
  const linked = fora.find((f) => f.teams?.conversationId === place.conversationId);
  if (linked !== undefined) return { one: linked };
  return oneOrSeveral(fora.filter((f) => memberships.some((m) => m.forumId === f.id && keepsAgendas(m))));
}

/** The fora the person is chair or secretary of. A membership may outlive its forum: only fora that exist are offered. */
async function forumKeptBy(services: BotServices, userId: string): Promise<Meant> {
  const { memberships, rowsOf } = await readPersonForaStepwise(services, userId);
  const kept = memberships.filter(keepsAgendas).map((m) => m.forumId);
  const [id] = kept;
  if (kept.length === 1 && id !== undefined) {
    const rows = rowsOf([id]).then((read) => read.get(id));
    return { one: { guessId: id, confirmed: rows.then((r) => r?.forum) }, rows };
  }
  const rows = await rowsOf(kept);
  const meant = oneOrSeveral(kept.flatMap((forumId) => rows.get(forumId)?.forum ?? []));
  return 'one' in meant ? { ...meant, rows: Promise.resolve(rows.get(meant.one.id)) } : meant;
}

function oneOrSeveral(fora: readonly Forum[]): { one: Forum } | { several: Forum[] } {
  const [first] = fora;
  if (fora.length === 1 && first !== undefined) return { one: first };
  if (fora.length > 1) return { several: [...fora] };
  throw new DomainError('AGENDA.NO_FORUM');
}

/** The kept rows of the forum meant this turn, when it was found through them. */
async function keptRowsOf(meant: Promise<Meant> | undefined, forumId: string): Promise<ForumRows | undefined> {
  const found = await meant?.catch(() => undefined);
  if (found === undefined || !('one' in found)) return undefined;
  const rows = await found.rows?.catch(() => undefined);
  return rows?.forum.id === forumId ? rows : undefined;
}

/** A meeting that began less than this ago still has "the next" agenda (it may be going on). */
const NEXT_AGENDA_GRACE_MS = 12 * 60 * 60 * 1000;

/** The agenda of the next meeting (a meeting in progress counts), or the latest draft. */
function nextAgenda(agendas: readonly Agenda[], now: Date): Agenda | undefined {
  const from = now.getTime() - NEXT_AGENDA_GRACE_MS;
  return [...agendas].filter((a) => Date.parse(a.meetingStart) >= from).sort((a, b) => a.meetingStart.localeCompare(b.meetingStart))[0];
}

/** For the access check: the one forum meant, if there is one (several: the names only, which are public). */
async function meantForum({ args, info }: CommandRequest, services: BotServices): Promise<Forum | SpeculativeForum | undefined> {
  if (info.actor === undefined) return undefined;
  const meant = await forumMeantOnce(services, args, info, info.actor.userId);
  // The forum as read this turn, or its id with the forum to come: the check reads the membership beside it.
  return 'several' in meant ? undefined : meant.one;
}

/**
 * `dagsorden [ny] [forum]`: the chair and secretary get the editor card (or the card that creates
 * the next agenda); others get the published agenda.
 */
export const agendaCommand = command({
  name: 'agenda',
  words: ['dagsorden', 'dagsordener', 'agenda'],
  // The editor for chair and secretary, the published agenda for the rest of the forum's public.
  access: { kind: 'forum', requirement: 'public', forumId: meantForum, optional: true },
  // Read beside the access check: the forum's agendas and, for the card that creates one, its next meetings.
  prefetch: (forumId, services, { info }) => {
    const now = services.clock.now();
    // The agendas from the grace before now on, in one query: the forum's history is not read.
    const agendas = services.agendas.listFrom(forumId, new Date(now.getTime() - NEXT_AGENDA_GRACE_MS));
    const upcoming = keptRowsOf(meantInTurn.get(info), forumId).then((rows) => (rows === undefined ? upcomingMeetings(services, [forumId], now, { limit: EDITOR_MEETINGS }) : upcomingOfRows(rows, now, { limit: EDITOR_MEETINGS })));
    return Promise.all([agendas, upcoming]);
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
