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
  NEW_ITEM_INPUTS,
} from '../../cards/agenda-editor.card';
import { z } from 'zod';
import { assertNoProblems, checkTexts, FieldsRefused, problemsFromIssues } from '../../domain/shared/field-problems';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { formAction, type FormSpec } from '../core/form-action';
import type { AdaptiveCard } from '../../cards/card-kit';
import { followUpAgendaItem } from '../../domain/actions/follow-up';
import { localDateOf } from '../../domain/actions/local-date';
import { Agenda, AgendaItem } from '../../domain/agendas/agenda';
import { canEditAgenda, canToggleCirculation, checkPublish, checkRevision, moveItem } from '../../domain/agendas/agenda.rules';
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
import { settledMessage } from '../reach/delivery-report';
import { whyNotDelivered } from '../outbox/outbox-status.text';

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

type ItemField = 'title' | 'description' | 'presenter' | 'url';

/**
 * An item from what was typed. Every field is checked at once against the limits the card shows;
 * a refusal names each field by its input id (`inputId`), so the editor comes back with the
 * message beside it and everything typed still there.
 */
function parseItem(
  fields: { id: string; title?: string | undefined; description?: string | undefined; presenter?: string | undefined; url?: string | undefined; inputWanted: boolean },
  inputId: (field: ItemField) => string,
): AgendaItem {
  const found = checkTexts(
    { title: fields.title, description: fields.description, presenter: fields.presenter, url: fields.url },
    {
      title: { max: TEXT_LIMITS.agendaItemTitle, required: true },
      description: { max: TEXT_LIMITS.agendaItemDescription },
      presenter: { max: TEXT_LIMITS.presenter },
      url: { max: TEXT_LIMITS.documentUrl },
    },
  );
  const url = optional(fields.url);
  if (found.url === undefined && url !== undefined && !(/^https?:\/\/\S+$/i.test(url) && z.url().safeParse(url).success)) found.url = { code: 'FIELD.FORMAT', context: { format: 'url' } };
  assertNoProblems(Object.fromEntries(Object.entries(found).map(([field, problem]) => [inputId(field as ItemField), problem])));
  const parsed = AgendaItem.safeParse({
    id: fields.id,
    title: fields.title?.trim() ?? '',
    description: fields.description?.trim() ?? '',
    presenter: optional(fields.presenter),
    documentUrl: url,
    inputWanted: fields.inputWanted,
  });
  if (parsed.success) return parsed.data;
  // What the text checks above cannot see, e.g. a CPR number percent-escaped inside the link.
  const byField = problemsFromIssues(parsed.error.issues, {});
  const fieldOf = (key: string): ItemField => (key === 'documentUrl' ? 'url' : (key as ItemField));
  throw new FieldsRefused(Object.fromEntries(Object.entries(byField).map(([key, problem]) => [inputId(fieldOf(key)), problem])));
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
  /** From a form: a stale card is refused, so the form comes back on the new version with the typed text. */
  refuseStale = false,
): Promise<AdaptiveCard> {
  const { forum, roles } = await editorContext(input, data.forumId);
  const { services, t } = input;
  const texts = textsFor(t.lang);
  const actor = actorOf(input);
  const current = await loadAgenda(services, data.forumId, data.agendaId);
  if (!checkRevision(current, data.revision).ok) {
    if (refuseStale) throw new DomainError('AGENDA.STALE', { current: current.revision });
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
  if (stale && refuseStale) throw new DomainError('AGENDA.STALE', { current: saved.revision });
  if (stale) return editorCard(services, t.lang, forum, roles, saved, { text: t.errors['AGENDA.STALE']({}), tone: 'warning' });
  await syncAgendaPost(services, forum, saved, actor.userId);
  return editorCard(services, t.lang, forum, roles, saved, { text: saved.state === 'published' ? `${done} ${texts.notices.updatedInChannel}` : done, tone: 'good' });
}

const open = cardAction(AGENDA_EDITOR_VERBS.open, AgendaOpenData, forumAccess('editor'), async (input, data) => {
  const { forum, roles } = await editorContext(input, data.forumId);
  return editorCard(input.services, input.t.lang, forum, roles, await loadAgenda(input.services, data.forumId, data.agendaId));
});

/** The card that creates an agenda, given back with the typed date when it is refused. */
const createForm: FormSpec<{ forumId: string }> = {
  async render(input, data) {
    const { forum, roles } = await editorContext(input, data.forumId);
    return editorCard(input.services, input.t.lang, forum, roles, undefined);
  },
  fieldOf: (error) => (error.code === 'AGENDA.MEETING_REQUIRED' ? 'meetingDate' : undefined),
};

/** How far back the latest agenda is looked for (whether circulation stays on for the next one). */
const LATEST_AGENDA_WITHIN_MS = 366 * 86_400_000;

const create = formAction(AGENDA_EDITOR_VERBS.create, AgendaCreateData, forumAccess('editor'), createForm, async (input, data) => {
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

  // The agendas of the last year and on (the meeting's own, if made already, and the latest before
  // it), and the open action items: side by side, neither reading the forum's whole history.
  const since = new Date(Math.min(Date.parse(meetingStart), now.getTime() - LATEST_AGENDA_WITHIN_MS));
  const [existing, openItems] = await Promise.all([services.agendas.listFrom(forum.id, since), services.actionItems.listOpen(forum.id)]);
  const same = existing.find((a) => (meetingId !== undefined ? a.meetingId === meetingId : a.meetingStart === meetingStart));
  if (same !== undefined) return editorCard(services, t.lang, forum, roles, same);
  // Once the chair has turned circulation on for the forum, its next agendas keep it on.
  const latest = [...existing].sort((a, b) => b.meetingStart.localeCompare(a.meetingStart))[0];
  // The next meeting follows up on the forum's open action items: they come first, as one item.
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

/** The editor as it stands, for giving a refused form back with what was typed. */
const editorForm: FormSpec<{ forumId: string; agendaId: string }> = {
  async render(input, data) {
    const { forum, roles } = await editorContext(input, data.forumId);
    return editorCard(input.services, input.t.lang, forum, roles, await loadAgenda(input.services, data.forumId, data.agendaId));
  },
};

const addItem = formAction(AGENDA_EDITOR_VERBS.addItem, AgendaAddItemData, forumAccess('editor'), editorForm, async (input, data) => {
  const item = parseItem(
    { id: newId(), title: data.newTitle, description: data.newDescription, presenter: data.newPresenter, url: data.newUrl, inputWanted: data.newInputWanted ?? false },
    (field) => NEW_ITEM_INPUTS[field],
  );
  return edit(input, data, (items) => [...items, item], textsFor(input.t.lang).notices.itemAdded, true);
});

const saveItem = formAction(AGENDA_EDITOR_VERBS.saveItem, AgendaSaveItemData, forumAccess('editor'), editorForm, async (input, data) => {
  const field = (name: Parameters<typeof itemFieldId>[0]): string | undefined => {
    const value = (data as Record<string, unknown>)[itemFieldId(name, data.itemId)];
    return typeof value === 'string' ? value : undefined;
  };
  const item = parseItem(
    { id: data.itemId, title: field('title'), description: field('description'), presenter: field('presenter'), url: field('url'), inputWanted: field('wanted') === 'true' },
    (name) => itemFieldId(name, data.itemId),
  );
  return edit(
    input,
    data,
    (items) => {
      if (!items.some((i) => i.id === data.itemId)) throw new DomainError('AGENDA.NO_SUCH_ITEM');
      return items.map((i) => (i.id === data.itemId ? item : i));
    },
    textsFor(input.t.lang).notices.itemSaved,
    true,
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
  // Said only once the channel has it: a forum linked where the bot cannot post is told, not hidden.
  const post = await settledMessage(services.outbox, `agenda:${saved.id}:post`, 2_000);
  const texts = textsFor(t.lang).notices;
  if (post?.status === 'undeliverable' || post?.status === 'inDoubt') return editorCard(services, t.lang, forum, roles, saved, notice(texts.publishFailed(whyNotDelivered(post, t.lang)), 'warning'));
  return editorCard(services, t.lang, forum, roles, saved, post?.status === 'sent' ? notice(texts.published, 'good') : notice(texts.publishPending, 'good'));
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
