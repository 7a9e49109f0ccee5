import { agendaCard } from '../../cards/agenda.card';
import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import { forumAndRoles, textsFor } from './agenda-context';
import { editorCard } from './agenda-editor.view';
import { editorMustGoPrivately, sendEditorPrivately } from './private-editor';
import type { BotServices } from '../core/services';
import { matchForaByName } from '../registry/forum-match';
import { command, type CommandRequest } from '../core/command';

const EDITOR_ROLES = ['chair', 'secretary'] as const;

/** The forum meant: the channel's own, a typed name, or the one forum the person keeps agendas for. */
async function forumMeant(services: BotServices, args: string, conversationId: string, userId: string): Promise<Forum | { several: Forum[] }> {
  const fora = await services.fora.list();
  const named = args.replace(/^(ny|new)\b/i, '').trim();
  if (named !== '') {
    const match = matchForaByName(fora, named);
    if (match.kind === 'one') return match.forum;
    if (match.kind === 'several') return { several: match.fora };
    throw new DomainError('BOT.FORUM_UNKNOWN');
  }
  const linked = fora.find((f) => f.teams?.conversationId === conversationId);
  if (linked !== undefined) return linked;
  const memberships = await services.members.listMembershipsOfUser(userId);
  const kept = memberships.filter((m) => m.roles.some((r) => (EDITOR_ROLES as readonly string[]).includes(r)));
  const mine = fora.filter((f) => kept.some((m) => m.forumId === f.id));
  if (mine.length === 1 && mine[0] !== undefined) return mine[0];
  if (mine.length > 1) return { several: mine };
  throw new DomainError('AGENDA.NO_FORUM');
}

/** The agenda of the next meeting (a meeting in progress counts), or the latest draft. */
function nextAgenda(agendas: readonly Agenda[], now: Date): Agenda | undefined {
  const from = now.getTime() - 12 * 60 * 60 * 1000;
  return [...agendas].filter((a) => Date.parse(a.meetingStart) >= from).sort((a, b) => a.meetingStart.localeCompare(b.meetingStart))[0];
}

/**
 * `dagsorden [ny] [forum]`: the chair and secretary get the editor card (or the card that creates
 * the next agenda); others get the published agenda.
 */
/** For the access check: the one forum meant, if there is one (several: the names only, which are public). */
async function meantForumId({ args, info }: CommandRequest, services: BotServices): Promise<string | undefined> {
  if (info.actor === undefined) return undefined;
  const meant = await forumMeant(services, args, info.place.conversationId, info.actor.userId);
  return 'several' in meant ? undefined : meant.id;
}

export const agendaCommand = command({
  name: 'agenda',
  words: ['dagsorden', 'dagsordener', 'agenda'],
  // The editor for chair and secretary, the published agenda for the rest of the forum's public.
  access: { kind: 'forum', requirement: 'public', forumId: meantForumId, optional: true },
  async run({ t, info, actor, args, services }) {
    const userId = actor.userId;
    const texts = textsFor(t.lang);
    const meant = await forumMeant(services, args, info.place.conversationId, userId);
    if ('several' in meant) return { text: texts.notices.pickForum(meant.several.map((f) => f.name).join(' / ')) };
    const { forum, roles } = await forumAndRoles(services, meant.id, userId);
    const wantsNew = /^(ny|new)\b/i.test(args);
    const agenda = wantsNew ? undefined : nextAgenda(await services.agendas.listByForum(forum.id), services.clock.now());
    if (roles.some((r) => (EDITOR_ROLES as readonly string[]).includes(r))) {
      const card = await editorCard(services, t.lang, forum, roles, agenda);
      if (!editorMustGoPrivately(info)) return { card, summary: texts.summaries.editor(forum.name) };
      await sendEditorPrivately(services, info, userId, forum, card, texts.summaries.editor(forum.name));
      return { text: texts.notices.editorSentPrivately(forum.name) };
    }
    if (roles.length === 0 && forum.sensitive) throw new DomainError('FORUM.SENSITIVE', { forumId: forum.id });
    if (agenda === undefined || agenda.state !== 'published') return { text: texts.notices.noAgenda(forum.name) };
    return { card: agendaCard(texts.agenda, { forumName: forum.name, agenda, timeZone: services.config.timeZone }), summary: texts.summaries.agenda(forum.name) };
  },
});
