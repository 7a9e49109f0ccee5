import { containsCprNumber } from '../shared/cpr-guard';
import { allowed, refused, type Verdict } from '../shared/domain-error';
import { checkText, type FieldProblem } from '../shared/field-problems';
import type { Role } from '../fora/forum';
import {
  AGENDA_INPUT_MAX_LENGTH,
  CIRCULATION_MAX_CONSULTANTS,
  DEFAULT_REMINDER_LEAD_MINUTES,
  type Agenda,
  type AgendaInput,
  type AgendaItem,
  type CirculatedConsultant,
  type Circulation,
} from './agenda';

/** Checks a consultant's input before anything is written. */
export function checkAgendaInput(
  agenda: Agenda,
  input: { authorId: string; text: string; noComments: boolean; agendaRevision: number },
  now: Date,
): Verdict {
  const circulation = agenda.circulation;
  if (circulation === undefined) return refused('AGENDA.NOT_CIRCULATED');
  if (!circulation.consultantIds.includes(input.authorId)) return refused('AGENDA.NOT_ON_CIRCULATION');
  if (now.getTime() > Date.parse(circulation.deadline)) return refused('AGENDA.DEADLINE_PASSED', { deadline: circulation.deadline });
  if (input.agendaRevision !== agenda.revision) return refused('AGENDA.STALE', { current: agenda.revision });
  if (!input.noComments) {
    const text = input.text.trim();
    if (text.length === 0) return refused('INPUT.EMPTY');
    if (text.length > AGENDA_INPUT_MAX_LENGTH) return refused('INPUT.TOO_LONG', { max: AGENDA_INPUT_MAX_LENGTH });
  }
  if (containsCprNumber(input.text)) return refused('INPUT.CPR_NUMBER');
  return allowed;
}

type Roles = readonly Role[];
const has = (roles: Roles, ...wanted: Role[]): boolean => roles.some((role) => wanted.includes(role));

/** Agendas are built and edited by the forum's chair or secretary. */
export function canEditAgenda(roles: Roles): Verdict {
  return has(roles, 'chair', 'secretary') ? allowed : refused('FORUM.NOT_CHAIR_OR_SECRETARY');
}

/** Free text on an agenda item: no CPR numbers (no personal case data in the bot). */
export function checkItemText(item: Pick<AgendaItem, 'title' | 'description' | 'presenter'>): Verdict {
  const texts = [item.title, item.description, item.presenter ?? ''];
  return texts.some(containsCprNumber) ? refused('INPUT.CPR_NUMBER') : allowed;
}

/** An editor's change is made on the revision they saw; otherwise they must look at the new one first. */
export function checkRevision(agenda: Agenda, seenRevision: number): Verdict {
  return agenda.revision === seenRevision ? allowed : refused('AGENDA.STALE', { current: agenda.revision });
}

export function checkPublish(agenda: Agenda): Verdict {
  if (agenda.items.length === 0) return refused('AGENDA.EMPTY');
  return allowed;
}

/** Moves one item a step up (-1) or down (+1); unchanged at either end or for an unknown id. */
export function moveItem(items: readonly AgendaItem[], itemId: string, step: -1 | 1): AgendaItem[] {
  const from = items.findIndex((item) => item.id === itemId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(to, 0, moved);
  return next;
}

/** The items consultants are asked about. */
export const itemsWantingInput = (agenda: Agenda): AgendaItem[] => agenda.items.filter((item) => item.inputWanted);

/**
 * Circulating the agenda for input is for the chair, once it is published and has items that want
 * input, to at least one consultant, with a deadline in the future and before the meeting (the
 * chair needs the input before it starts).
 */
export function canCirculate(roles: Roles, agenda: Agenda, request: { deadline: Date; consultantCount: number }, now: Date): Verdict {
  if (!has(roles, 'chair')) return refused('FORUM.NOT_CHAIR');
  if (agenda.circulationEnabled !== true) return refused('AGENDA.CIRCULATION_OFF');
  if (agenda.state !== 'published') return refused('AGENDA.NOT_PUBLISHED');
  if (agenda.circulation !== undefined) return refused('AGENDA.ALREADY_CIRCULATED');
  if (itemsWantingInput(agenda).length === 0) return refused('AGENDA.NO_INPUT_WANTED');
  if (request.deadline.getTime() <= now.getTime()) return refused('AGENDA.DEADLINE_NOT_FUTURE');
  if (request.deadline.getTime() >= Date.parse(agenda.meetingStart)) return refused('AGENDA.DEADLINE_AFTER_MEETING', { meetingStart: agenda.meetingStart });
  if (request.consultantCount === 0) return refused('AGENDA.NO_CONSULTANTS');
  if (request.consultantCount > CIRCULATION_MAX_CONSULTANTS) return refused('AGENDA.TOO_MANY_CONSULTANTS', { max: CIRCULATION_MAX_CONSULTANTS });
  return allowed;
}

/** Turning circulation on or off is the chair's; off only while nothing has been circulated. */
export function canToggleCirculation(roles: Roles, agenda: Agenda): Verdict {
  if (!has(roles, 'chair')) return refused('FORUM.NOT_CHAIR');
  if (agenda.circulation !== undefined) return refused('AGENDA.ALREADY_CIRCULATED');
  return allowed;
}

export const isOpen = (circulation: Circulation, now: Date): boolean => now.getTime() <= Date.parse(circulation.deadline);

/** One consultant's whole answer: a text per item that wants input, or "no comments". */
export interface Answer {
  authorId: string;
  agendaRevision: number;
  noComments: boolean;
  /** By item id; only items that want input count. */
  texts: Readonly<Record<string, string>>;
}

/**
 * Checks a whole answer before anything is written: on the list, before the deadline, on the
 * current revision, at least one comment (or "no comments"), none too long, no CPR numbers.
 */
export function checkAnswer(agenda: Agenda, answer: Answer, now: Date): Verdict {
  const circulation = agenda.circulation;
  if (circulation === undefined) return refused('AGENDA.NOT_CIRCULATED');
  if (!circulation.consultantIds.includes(answer.authorId)) return refused('AGENDA.NOT_ON_CIRCULATION');
  if (!isOpen(circulation, now)) return refused('AGENDA.DEADLINE_PASSED', { deadline: circulation.deadline });
  if (answer.agendaRevision !== agenda.revision) return refused('AGENDA.STALE', { current: agenda.revision });
  const texts = itemsWantingInput(agenda).map((item) => (answer.texts[item.id] ?? '').trim());
  if (answer.noComments) return allowed;
  if (texts.every((text) => text.length === 0)) return refused('INPUT.EMPTY');
  const [first] = Object.entries(answerProblems(agenda, answer));
  return first === undefined ? allowed : refused(first[1].code, { ...first[1].context, itemId: first[0] });
}

/**
 * What is wrong with each item's text of an answer, by item id: too long (with both numbers) or a
 * CPR number. Every item is checked, so the card can mark all of them at once.
 */
export function answerProblems(agenda: Agenda, answer: Pick<Answer, 'texts' | 'noComments'>): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (answer.noComments) return problems;
  for (const item of itemsWantingInput(agenda)) {
    const problem = checkText(answer.texts[item.id], { max: AGENDA_INPUT_MAX_LENGTH });
    if (problem !== undefined) problems[item.id] = problem;
  }
  return problems;
}

/** The rows an allowed answer becomes: one per commented item, or one "no comments" row. */
export function answerInputs(agenda: Agenda, answer: Answer, consultant: CirculatedConsultant, savedAt: Date): AgendaInput[] {
  const base = {
    agendaId: agenda.id,
    authorId: consultant.userId,
    authorName: consultant.name,
    authorForumId: consultant.forumId,
    agendaRevision: agenda.revision,
    savedAt: savedAt.toISOString(),
  };
  if (answer.noComments) return [{ ...base, text: '', noComments: true }];
  return itemsWantingInput(agenda).flatMap((item) => {
    const text = (answer.texts[item.id] ?? '').trim();
    return text.length === 0 ? [] : [{ ...base, itemId: item.id, text, noComments: false }];
  });
}

/** The consultant's entry on the list (older circulations only kept ids). */
export function consultantOf(circulation: Circulation, userId: string): CirculatedConsultant | undefined {
  return circulation.consultants?.find((c) => c.userId === userId);
}

export interface Progress {
  total: number;
  answered: number;
  /** Who has not answered yet, in list order. */
  missing: CirculatedConsultant[];
}

export function progressOf(circulation: Circulation, inputs: readonly Pick<AgendaInput, 'authorId'>[]): Progress {
  const answered = new Set(inputs.map((input) => input.authorId));
  const listed = circulation.consultants ?? circulation.consultantIds.map((userId) => ({ userId, name: userId, forumId: '', forumName: '' }));
  const missing = listed.filter((c) => !answered.has(c.userId));
  return { total: listed.length, answered: listed.length - missing.length, missing };
}

/** "Remind the missing": chair or secretary, while open, someone missing, at most once per local day. */
export function canRemindMissing(roles: Roles, agenda: Agenda, progress: Progress, today: string, now: Date): Verdict {
  if (!has(roles, 'chair', 'secretary')) return refused('FORUM.NOT_CHAIR_OR_SECRETARY');
  const circulation = agenda.circulation;
  if (circulation === undefined) return refused('AGENDA.NOT_CIRCULATED');
  if (!isOpen(circulation, now)) return refused('AGENDA.DEADLINE_PASSED', { deadline: circulation.deadline });
  if (progress.missing.length === 0) return refused('AGENDA.NOBODY_MISSING');
  if (circulation.lastManualReminderOn === today) return refused('AGENDA.REMINDED_TODAY');
  return allowed;
}

/**
 * The automatic reminder is due from `lead` before the deadline until the deadline, once; not when
 * the agenda was sent inside that window (the consultants have just had their card).
 */
export function autoReminderDue(circulation: Circulation, now: Date): boolean {
  if (circulation.autoReminderSentAt !== undefined || !isOpen(circulation, now)) return false;
  const remindAt = Date.parse(circulation.deadline) - (circulation.reminderLeadMinutes ?? DEFAULT_REMINDER_LEAD_MINUTES) * 60_000;
  return remindAt > Date.parse(circulation.sentAt) && now.getTime() >= remindAt;
}

/**
 * The briefing is compiled when the chair asks and once more after the deadline (the job), so a
 * briefing asked for early is followed by the final one.
 */
export const briefingDue = (circulation: Circulation, now: Date): boolean =>
  !isOpen(circulation, now) && (circulation.briefingCompiledAt === undefined || Date.parse(circulation.briefingCompiledAt) <= Date.parse(circulation.deadline));

/** Who sees the briefing: chair, secretary and those the chair shared it with. */
export function canSeeBriefing(roles: Roles, userId: string, agenda: Agenda): Verdict {
  if (agenda.circulation === undefined) return refused('AGENDA.NOT_CIRCULATED');
  if (has(roles, 'chair', 'secretary') || (agenda.circulation.sharedWith ?? []).includes(userId)) return allowed;
  return refused('AGENDA.BRIEFING_NOT_ALLOWED');
}

/** Compiling and sharing the briefing are the chair's. */
export function canManageBriefing(roles: Roles, agenda: Agenda): Verdict {
  if (!has(roles, 'chair')) return refused('FORUM.NOT_CHAIR');
  if (agenda.circulation === undefined) return refused('AGENDA.NOT_CIRCULATED');
  return allowed;
}

/** How long after the deadline the channel's progress card still follows late answers. */
export const STATUS_CARD_AFTER_DEADLINE_MS = 10 * 60_000;

/** A meeting that began less than this ago still gets its agenda posted in a channel linked now. */
export const FIRST_POST_AFTER_START_MS = 12 * 60 * 60_000;

/**
 * The channel's post is behind the agenda and the job should bring it up: a post that is there is
 * updated; a first post is made only while the meeting has not passed, so a channel linked to a
 * forum with a history gets the coming agendas, not every old one.
 */
export function channelPostDue(agenda: Agenda, hasChannel: boolean, now: Date): boolean {
  if (agenda.state !== 'published' || !hasChannel || agenda.postedRevision === agenda.revision) return false;
  return agenda.postedRevision !== undefined || Date.parse(agenda.meetingStart) + FIRST_POST_AFTER_START_MS >= now.getTime();
}

/**
 * Whether the circulation job still has something to do for an agenda, now or later: its channel
 * post behind the agenda (`channelPostDue`), consultants' cards not all queued, the
 * reminder, the final briefing, or the progress card until a little after the deadline. An agenda
 * for which this is false the job forgets until the agenda is written again.
 */
export function needsTending(agenda: Agenda, hasChannel: boolean, now: Date): boolean {
  if (channelPostDue(agenda, hasChannel, now)) return true;
  const circulation = agenda.circulation;
  if (circulation === undefined) return false;
  return circulation.cardsQueuedAt === undefined || now.getTime() <= Date.parse(circulation.deadline) + STATUS_CARD_AFTER_DEADLINE_MS || briefingDue(circulation, now);
}

/**
 * Whether a write must list the agenda for the circulation job: `needsTending` as if its forum had a
 * channel (a write does not know; linking one lists the forum's agendas again). False stays false as
 * time passes, so an agenda written without the mark never needs the job later — a past meeting's
 * agenda renamed for a person who left, say, costs no list row.
 */
export const mayNeedTending = (agenda: Agenda, now: Date): boolean => needsTending(agenda, true, now);
