import {
  AGENDA_EDITOR_VERBS,
  AgendaAddItemData,
  AgendaCreateData,
  AgendaMoveItemData,
  AgendaOpenData,
  AgendaPublishData,
  AgendaRemoveItemData,
  AgendaSaveItemData,
  AgendaToggleData,
  itemFieldId,
} from '../../cards/agenda-editor.card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { isOpen } from '../../domain/actions/action-item.rules';
import { followUpAgendaItem } from '../../domain/actions/follow-up';
import { localDateOf } from '../../domain/actions/local-date';
import { Agenda, AgendaItem } from '../../domain/agendas/agenda';
import { canEditAgenda, canToggleCirculation, checkItemText, checkPublish, checkRevision, moveItem } from '../../domain/agendas/agenda.rules';
import { zonedInstant } from '../../domain/meetings/zoned-time';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { newId } from '../../domain/shared/ids';
import { forumAccess } from '../core/access';
import { cardAction, type ActionInput, type CardAction } from '../core/card-action';
import { foldName } from '../core/command-words';
import { upcomingMeetings } from '../meetings/upcoming-meetings';
import { audit, forumAndRoles, loadAgenda, textsFor, updateAgenda, type ForumAndRoles } from './agenda-context';
import { editorCard, type Notice } from './agenda-editor.view';
import { syncAgendaPost } from './agenda-post';

/** The Kredsråd gathers consultants' input by default; elsewhere the chair turns it on. */
export const isKredsraad = (forum: { id: string; name: string }): boolean => forum.id === 'kredsraad' || foldName(forum.name).startsWith('kredsrad');

const actorOf = (input: ActionInput): { userId: string; name: string } => ({
  userId: input.actor.userId,
  name: input.actor.name ?? input.actor.userId,
});

async function editorContext(input: ActionInput, forumId: string): Promise<ForumAndRoles> {
  const context = await forumAndRoles(input.services, forumId, actorOf(input).userId);
  assertAllowed(canEditAgenda(context.roles));
  return context;
}

const optional = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
};

/** An item from what was typed, checked by the domain schema; refusals with codes the editor understands. */
function parseItem(fields: { id: string; title?: string | undefined; description?: string | undefined; presenter?: string | undefined; url?: string | undefined; inputWanted: boolean }): AgendaItem {
  const raw = {
    id: fields.id,
    title: fields.title?.trim() ?? '',
    description: fields.description?.trim() ?? '',
    presenter: optional(fields.presenter),
    documentUrl: optional(fields.url),
    inputWanted: fields.inputWanted,
  };
  const parsed = AgendaItem.safeParse(raw);
  if (!parsed.success) {
    const path = String(parsed.error.issues[0]?.path[0] ?? '');
    if (path === 'documentUrl') throw new DomainError('AGENDA.ITEM_BAD_LINK');
    if (path === 'description' || path === 'presenter') throw new DomainError('AGENDA.ITEM_TOO_LONG');
    throw new DomainError('AGENDA.ITEM_TITLE_REQUIRED');
  }
  if (parsed.data.documentUrl !== undefined && !/^https?:\/\//i.test(parsed.data.documentUrl)) throw new DomainError('AGENDA.ITEM_BAD_LINK');
  assertAllowed(checkItemText(parsed.data));
  return parsed.data;
}

/**
 * One edit of the items on the revision the editor saw. Another editor's change in between shows
 * the new version with a warning instead of overwriting it; a published agenda's channel card follows.
 */
async function edit(
  input: ActionInput,
  data: { forumId: string; agendaId: string; revision: number },
  change: (items: AgendaItem[]) => AgendaItem[],
  done: string,
): Promise<AdaptiveCard> {
  const { forum, roles } = await editorContext(input, data.forumId);
  const { services, t } = input;
  const texts = textsFor(t.lang);
  const actor = actorOf(input);
  const current = await loadAgenda(services, data.forumId, data.agendaId);
  if (!checkRevision(current, data.revision).ok) {
    return editorCard(services, t.lang, forum, roles, current, { text: t.errors['AGENDA.STALE']({}), tone: 'warning' });
  }
  const now = services.clock.now().toISOString();
  let stale = false;
  const saved = await updateAgenda(services, current, (latest) => {
    if (latest.revision !== data.revision) {
      stale = true;
      return undefined;
    }
    return { ...latest, items: change(latest.items), revision: latest.revision + 1, updatedAt: now, updatedBy: actor.userId, updatedByName: actor.name };
  });
  if (stale) return editorCard(services, t.lang, forum, roles, saved, { text: t.errors['AGENDA.STALE']({}), tone: 'warning' });
  await syncAgendaPost(services, forum, saved, actor.userId);
  return editorCard(services, t.lang, forum, roles, saved, { text: saved.state === 'published' ? `${done} ${texts.notices.updatedInChannel}` : done, tone: 'good' });
}

const open = cardAction(AGENDA_EDITOR_VERBS.open, AgendaOpenData, forumAccess('editor'), async (input, data) => {
  const { forum, roles } = await editorContext(input, data.forumId);
  return editorCard(input.services, input.t.lang, forum, roles, await loadAgenda(input.services, data.forumId, data.agendaId));
});

const create = cardAction(AGENDA_EDITOR_VERBS.create, AgendaCreateData, forumAccess('editor'), async (input, data) => {
  const { forum, roles } = await editorContext(input, data.forumId);
  const { services, t } = input;
  const now = services.clock.now();
  let meetingStart: string | undefined;
  let meetingId: string | undefined;
  const date = optional(data.meetingDate);
  if (date !== undefined) {
    const time = optional(data.meetingTime) ?? '09:00';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new DomainError('AGENDA.MEETING_REQUIRED');
    meetingStart = zonedInstant(date, time, services.config.timeZone).toISOString();
  } else if (optional(data.meetingKey) !== undefined) {
    const occurrence = (await upcomingMeetings(services, [forum.id], now)).find((o) => o.key === data.meetingKey);
    if (occurrence === undefined) throw new DomainError('AGENDA.MEETING_REQUIRED');
    meetingStart = occurrence.start;
    meetingId = occurrence.key;
  }
  if (meetingStart === undefined) throw new DomainError('AGENDA.MEETING_REQUIRED');

  const existing = await services.agendas.listByForum(forum.id);
  const same = existing.find((a) => (meetingId !== undefined ? a.meetingId === meetingId : a.meetingStart === meetingStart));
  if (same !== undefined) return editorCard(services, t.lang, forum, roles, same);
  // Once the chair has turned circulation on for the forum, its next agendas keep it on.
  const latest = [...existing].sort((a, b) => b.meetingStart.localeCompare(a.meetingStart))[0];
  // The next meeting follows up on the forum's open action items: they come first, as one item.
  const openItems = (await services.actionItems.listByForum(forum.id)).filter(isOpen);
  const followUp = openItems.length === 0 ? [] : [followUpAgendaItem(openItems, t.lang, { todayLocal: localDateOf(now, services.config.timeZone) })];
  const actor = actorOf(input);
  const agenda = await services.agendas.save(
    Agenda.parse({
      id: newId(),
      forumId: forum.id,
      meetingStart,
      ...(meetingId === undefined ? {} : { meetingId }),
      state: 'draft',
      revision: 0,
      items: followUp,
      circulationEnabled: isKredsraad(forum) || latest?.circulationEnabled === true,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      updatedByName: actor.name,
      updatedAt: now.toISOString(),
    }),
  );
  return editorCard(services, t.lang, forum, roles, agenda, { text: textsFor(t.lang).notices.created, tone: 'good' });
});

const addItem = cardAction(AGENDA_EDITOR_VERBS.addItem, AgendaAddItemData, forumAccess('editor'), async (input, data) => {
  const item = parseItem({ id: newId(), title: data.newTitle, description: data.newDescription, presenter: data.newPresenter, url: data.newUrl, inputWanted: data.newInputWanted ?? false });
  return edit(input, data, (items) => [...items, item], textsFor(input.t.lang).notices.itemAdded);
});

const saveItem = cardAction(AGENDA_EDITOR_VERBS.saveItem, AgendaSaveItemData, forumAccess('editor'), async (input, data) => {
  const field = (name: Parameters<typeof itemFieldId>[0]): string | undefined => {
    const value = (data as Record<string, unknown>)[itemFieldId(name, data.itemId)];
    return typeof value === 'string' ? value : undefined;
  };
  const item = parseItem({ id: data.itemId, title: field('title'), description: field('description'), presenter: field('presenter'), url: field('url'), inputWanted: field('wanted') === 'true' });
  return edit(
    input,
    data,
    (items) => {
      if (!items.some((i) => i.id === data.itemId)) throw new DomainError('AGENDA.NO_SUCH_ITEM');
      return items.map((i) => (i.id === data.itemId ? item : i));
    },
    textsFor(input.t.lang).notices.itemSaved,
  );
});

const move = cardAction(AGENDA_EDITOR_VERBS.moveItem, AgendaMoveItemData, forumAccess('editor'), (input, data) =>
  edit(input, data, (items) => moveItem(items, data.itemId, data.step), textsFor(input.t.lang).notices.itemMoved),
);

const remove = cardAction(AGENDA_EDITOR_VERBS.removeItem, AgendaRemoveItemData, forumAccess('editor'), (input, data) =>
  edit(input, data, (items) => items.filter((i) => i.id !== data.itemId), textsFor(input.t.lang).notices.itemRemoved),
);

const publish = cardAction(AGENDA_EDITOR_VERBS.publish, AgendaPublishData, forumAccess('editor'), async (input, data) => {
  const { forum, roles } = await editorContext(input, data.forumId);
  const { services, t } = input;
  if (forum.teams === undefined) throw new DomainError('AGENDA.NO_CHANNEL');
  const actor = actorOf(input);
  const current = await loadAgenda(services, data.forumId, data.agendaId);
  const notice = (text: string, tone: Notice['tone']) => ({ text, tone });
  if (!checkRevision(current, data.revision).ok) return editorCard(services, t.lang, forum, roles, current, notice(t.errors['AGENDA.STALE']({}), 'warning'));
  assertAllowed(checkPublish(current));
  const now = services.clock.now().toISOString();
  const saved = await updateAgenda(services, current, (latest) =>
    latest.state === 'published' ? undefined : { ...latest, state: 'published', publishedAt: now, updatedAt: now, updatedBy: actor.userId, updatedByName: actor.name },
  );
  await syncAgendaPost(services, forum, saved, actor.userId);
  await audit(services, forum.id, actor.userId, 'agenda.published', saved.id, { revision: saved.revision, items: saved.items.length });
  return editorCard(services, t.lang, forum, roles, saved, notice(textsFor(t.lang).notices.published, 'good'));
});

const toggle = cardAction(AGENDA_EDITOR_VERBS.toggleCirculation, AgendaToggleData, forumAccess('chair'), async (input, data) => {
  const { forum, roles } = await forumAndRoles(input.services, data.forumId, actorOf(input).userId);
  const current = await loadAgenda(input.services, data.forumId, data.agendaId);
  assertAllowed(canToggleCirculation(roles, current));
  const saved = await updateAgenda(input.services, current, (latest) => (latest.circulationEnabled === data.enabled ? undefined : { ...latest, circulationEnabled: data.enabled }));
  const texts = textsFor(input.t.lang);
  return editorCard(input.services, input.t.lang, forum, roles, saved, { text: data.enabled ? texts.notices.circulationOn : texts.notices.circulationOff, tone: 'good' });
});

export const agendaEditorActions: readonly CardAction[] = [open, create, addItem, saveItem, move, remove, publish, toggle];
