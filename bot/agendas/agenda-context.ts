import type { Agenda } from '../../domain/agendas/agenda';
import type { Forum, Role } from '../../domain/fora/forum';
import { DomainError } from '../../domain/shared/domain-error';
import type { BotServices } from '../core/services';
import { messagesFor, pickLang, type Lang } from '../i18n';
import { agendaTexts, type AgendaTexts } from './agendas.texts';
import { audit as appendAudit } from '../core/audit';


export interface ForumAndRoles {
  forum: Forum;
  roles: Role[];
}

/** The forum and the actor's roles in it (none: not a member). */
export async function forumAndRoles(services: BotServices, forumId: string, userId: string): Promise<ForumAndRoles> {
  const [forum, member] = await Promise.all([services.fora.findById(forumId), services.members.find(forumId, userId)]);
  if (forum === undefined) throw new DomainError('BOT.FORUM_UNKNOWN');
  return { forum, roles: member?.roles ?? [] };
}

export async function loadAgenda(services: BotServices, forumId: string, agendaId: string): Promise<Agenda> {
  const agenda = await services.agendas.findById(forumId, agendaId);
  if (agenda === undefined) throw new DomainError('AGENDA.NOT_FOUND');
  return agenda;
}

/** Texts for messages nobody's turn asked for (proactive cards): the bot's configured language. */
export const proactiveLang = (services: BotServices): Lang => pickLang(undefined, services.config.locale);
export const textsFor = (lang: Lang): AgendaTexts => agendaTexts[lang];
export const proactiveTexts = (services: BotServices): AgendaTexts => agendaTexts[proactiveLang(services)];
export const messagesOf = (lang: Lang) => messagesFor(lang);

/** Thrown inside an `update` change to leave the agenda as it is (the repository would write otherwise). */
class Unchanged extends Error {
  override name = 'Unchanged';
}

/** `agendas.update` that writes nothing when `change` returns undefined; resolves with what is stored. */
export async function updateAgenda(services: BotServices, agenda: Pick<Agenda, 'forumId' | 'id'>, change: (current: Agenda) => Agenda | undefined): Promise<Agenda> {
  let seen: Agenda | undefined;
  try {
    return await services.agendas.update(agenda.forumId, agenda.id, (current) => {
      seen = current;
      const next = change(current);
      if (next === undefined) throw new Unchanged();
      return next;
    });
  } catch (error) {
    if (error instanceof Unchanged && seen !== undefined) return seen;
    throw error;
  }
}

export async function audit(services: BotServices, forumId: string, actorId: string | undefined, action: string, subject: string, after?: unknown): Promise<void> {
  await appendAudit(services, { forumId, ...(actorId === undefined ? {} : { actorId }), action, subject, ...(after === undefined ? {} : { after }) });
}
