import { AGENDA_EDITOR_VERBS, AgendaCirculateData } from '../../cards/agenda-editor.card';
import { BRIEFING_VERBS, BriefingShareData, BriefingViewData } from '../../cards/briefing.card';
import { CIRCULATION_INPUT_VERBS, inputFieldId, InputSubmitData, InputViewData, NO_COMMENTS_ID, typedTexts } from '../../cards/circulation-input.card';
import { CIRCULATION_STATUS_VERBS, CirculationRefData } from '../../cards/circulation-status.card';
import { DEFAULT_REMINDER_LEAD_MINUTES, type CirculatedConsultant } from '../../domain/agendas/agenda';
import { answerInputs, answerProblems, canCirculate, canManageBriefing, canRemindMissing, canSeeBriefing, checkAnswer, consultantOf, progressOf } from '../../domain/agendas/agenda.rules';
import { foraBelow } from '../../domain/fora/forum.rules';
import { zonedInstant } from '../../domain/meetings/zoned-time';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { FieldsRefused } from '../../domain/shared/field-problems';
import { formAction, type FormSpec } from '../core/form-action';
import { circulationAccess, forumAccess } from '../core/access';
import type { Forum } from '../../domain/fora/forum';
import { cardAction, type ActionInput, type CardAction } from '../core/card-action';
import { audit, forumAndRoles, loadAgenda, textsFor, updateAgenda } from './agenda-context';
import { editorCard } from './agenda-editor.view';
import { newBriefingKey } from './briefing-links';
import { briefingCardFor, circulationDelivery, compileAndSend, fanOutPrefix, inputCard, leadersOf, postStatusCard, queueConsultantCards, remind, statusCard, today, appLinkOf } from './circulation.service';
import { deliveryReport, resendFanOut, type DeliveryReport } from '../reach/delivery-report';
import { NOUNS } from '../reach/delivery.texts';
import { cardMessage } from '../core/card-message';

const actorId = (input: ActionInput): string => input.actor.userId;

/** How long a confirmation waits for the cards it reports on to be delivered (a click answers within seconds). */
export const CONFIRM_SETTLE_MS = 2_000;

/** A notice that tells the truth: good only when everyone got it; who was not reached, and why. */
function deliveryNotice(report: DeliveryReport, wrap: (headline: string) => string, withProblems = false): { text: string; tone: 'good' | 'warning' } {
  const problems = withProblems ? report.section.problems.slice(0, 3).map((p) => p.explanation) : [];
  return { text: [wrap(report.section.headline), ...problems].join(' '), tone: report.section.allDelivered ? 'good' : 'warning' };
}

/**
 * The consultants (role `consultant`) of the picked fora, each once, with the forum they answer for.
 * The seal holds both ways: a sensitive forum's agenda goes to its own members only, and a
 * consultant found through a sensitive forum is labelled with the circulating forum, so the
 * briefing never tells who sits in the sensitive one.
 */
async function consultantsOf(input: ActionInput, circulating: Forum, forumIds: readonly string[]): Promise<CirculatedConsultant[]> {
  const fora = await input.services.fora.list();
  const byId = new Map(fora.map((f) => [f.id, f]));
  const picked = forumIds.flatMap((id) => byId.get(id) ?? []).sort((a, b) => Number(a.sensitive) - Number(b.sensitive));
  const [lists, own] = await Promise.all([
    Promise.all(picked.map(async (forum) => ({ forum, members: await input.services.members.listByForum(forum.id) }))),
    circulating.sensitive ? input.services.members.listByForum(circulating.id) : Promise.resolve(undefined),
  ]);
  const allowed = own === undefined ? undefined : new Set(own.map((m) => m.userId));
  const seen = new Set<string>();
  const consultants: CirculatedConsultant[] = [];
  for (const { forum, members } of lists) {
    const label = forum.sensitive && forum.id !== circulating.id ? circulating : forum;
    for (const member of members) {
      if (!member.roles.includes('consultant') || seen.has(member.userId)) continue;
      if (allowed !== undefined && !allowed.has(member.userId)) continue;
      seen.add(member.userId);
      consultants.push({ userId: member.userId, name: member.displayName, forumId: label.id, forumName: label.name });
    }
  }
  return consultants;
}

/** The circulation part of the editor: a refused deadline or list comes back with what was picked. */
const circulationForm: FormSpec<{ forumId: string; agendaId: string }> = {
  async render(input, data) {
    const { forum, roles } = await forumAndRoles(input.services, data.forumId, actorId(input));
    return editorCard(input.services, input.t.lang, forum, roles, await loadAgenda(input.services, data.forumId, data.agendaId));
  },
  fieldOf: (error) =>
    error.code.startsWith('AGENDA.DEADLINE_') ? 'deadlineDate' : error.code === 'AGENDA.NO_CONSULTANTS' || error.code === 'AGENDA.TOO_MANY_CONSULTANTS' ? 'consultantForumIds' : undefined,
};

const circulate = formAction(AGENDA_EDITOR_VERBS.circulate, AgendaCirculateData, forumAccess('editor'), circulationForm, async (input, data) => {
  const { services, t } = input;
  const { forum, roles } = await forumAndRoles(services, data.forumId, actorId(input));
  const agenda = await loadAgenda(services, data.forumId, data.agendaId);
  const date = data.deadlineDate?.trim() ?? '';
  const time = data.deadlineTime?.trim() || '12:00';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) throw new DomainError('AGENDA.DEADLINE_INVALID');
  const deadline = zonedInstant(date, time, services.config.timeZone);
  const picked = (data.consultantForumIds ?? '').split(',').map((id) => id.trim()).filter((id) => id !== '');
  const forumIds = picked.length > 0 ? picked : foraBelow(await services.fora.list(), forum.id).map((f) => f.id);
  const consultants = await consultantsOf(input, forum, forumIds);
  const now = services.clock.now();
  assertAllowed(canCirculate(roles, agenda, { deadline, consultantCount: consultants.length }, now));
  const typedHours = data.reminderHours === undefined || String(data.reminderHours).trim() === '' ? DEFAULT_REMINDER_LEAD_MINUTES / 60 : Number(data.reminderHours);
  // Out of range is refused, not quietly moved into range.
  if (!Number.isFinite(typedHours) || typedHours < 0 || typedHours > 336) throw new FieldsRefused({ reminderHours: { code: 'FIELD.TOO_BIG', context: { max: 336 } } });
  const reminderLeadMinutes = Math.round(typedHours * 60);

  const saved = await updateAgenda(services, agenda, (current) => {
    // Checked again on what is stored: two clicks at once circulate once.
    assertAllowed(canCirculate(roles, current, { deadline, consultantCount: consultants.length }, now));
    return {
      ...current,
      circulation: {
        deadline: deadline.toISOString(),
        sentAt: now.toISOString(),
        consultantIds: consultants.map((c) => c.userId),
        consultants,
        forumIds,
        forumName: forum.name,
        circulatedBy: actorId(input),
        reminderLeadMinutes,
        briefingKey: newBriefingKey(),
      },
    };
  });
  await audit(services, forum.id, actorId(input), 'agenda.circulated', saved.id, { deadline: saved.circulation?.deadline, consultants: consultants.length, forumIds });
  await queueConsultantCards(services, saved, actorId(input));
  await postStatusCard(services, forum, saved, actorId(input));
  const report = await circulationDelivery(services, t.lang, saved, CONFIRM_SETTLE_MS);
  const notice = report === undefined ? { text: textsFor(t.lang).notices.circulated(''), tone: 'good' as const } : deliveryNotice(report, textsFor(t.lang).notices.circulated);
  return editorCard(services, t.lang, forum, roles, saved, notice);
});

/** Refresh of a consultant's card: the current revision and their own saved answer. */
const viewInput = cardAction(CIRCULATION_INPUT_VERBS.view, InputViewData, circulationAccess, async (input, data) => {
  const agenda = input.granted.agenda ?? (await loadAgenda(input.services, data.forumId, data.agendaId));
  if (agenda.circulation === undefined) throw new DomainError('AGENDA.NOT_CIRCULATED');
  if (!agenda.circulation.consultantIds.includes(actorId(input))) throw new DomainError('AGENDA.NOT_ON_CIRCULATION');
  return inputCard(input.services, input.t.lang, agenda, actorId(input), await input.services.agendaInputs.listByAuthor(agenda.id, actorId(input)));
});

/**
 * A consultant's answer: one agenda read, one range read and one transaction (replaceAnswer). A
 * card made on an older revision comes back as the new version with the typed text kept.
 */
const inputForm: FormSpec<InputSubmitData> = {
  async render(input, data) {
    const agenda = await loadAgenda(input.services, data.forumId, data.agendaId);
    return inputCard(input.services, input.t.lang, agenda, actorId(input), await input.services.agendaInputs.listByAuthor(agenda.id, actorId(input)));
  },
  fieldOf: (error) => (typeof error.context.itemId === 'string' ? inputFieldId(error.context.itemId) : undefined),
};

const submitInput = formAction(CIRCULATION_INPUT_VERBS.submit, InputSubmitData, circulationAccess, inputForm, async (input, data) => {
  const { services, t } = input;
  const agenda = input.granted.agenda ?? (await loadAgenda(services, data.forumId, data.agendaId));
  const raw = data[NO_COMMENTS_ID];
  const noComments = raw === true || raw === 'true';
  const texts = typedTexts(data);
  const answer = { authorId: actorId(input), agendaRevision: data.revision, noComments, texts };
  const now = services.clock.now();
  const verdict = checkAnswer(agenda, answer, now);
  if (!verdict.ok && verdict.code === 'AGENDA.STALE') {
    const saved = await services.agendaInputs.listByAuthor(agenda.id, answer.authorId);
    return inputCard(services, t.lang, agenda, answer.authorId, saved, { notice: { text: textsFor(t.lang).notices.staleKept, tone: 'warning' }, typed: texts, noCommentsTyped: noComments });
  }
  // Every item's text at once: the card marks each refused one, and keeps all of them.
  const problems = answerProblems(agenda, answer);
  if (!verdict.ok && Object.keys(problems).length > 0) {
    throw new FieldsRefused(Object.fromEntries(Object.entries(problems).map(([itemId, problem]) => [inputFieldId(itemId), problem])));
  }
  assertAllowed(verdict);
  const consultant = consultantOf(agenda.circulation!, answer.authorId) ?? { userId: answer.authorId, name: input.actor.name ?? answer.authorId, forumId: agenda.forumId, forumName: '' };
  const rows = answerInputs(agenda, answer, consultant, now);
  await services.agendaInputs.replaceAnswer(agenda.id, answer.authorId, rows);
  return inputCard(services, t.lang, agenda, answer.authorId, rows, { notice: { text: textsFor(t.lang).notices.saved, tone: 'good' } });
});

async function leaderContext(input: ActionInput, data: { forumId: string; agendaId: string }) {
  const context = await forumAndRoles(input.services, data.forumId, actorId(input));
  if (!context.roles.includes('chair') && !context.roles.includes('secretary')) throw new DomainError('FORUM.NOT_CHAIR_OR_SECRETARY');
  return { ...context, agenda: await loadAgenda(input.services, data.forumId, data.agendaId) };
}

/** Refresh of the progress card, for chair and secretaries. */
const viewStatus = cardAction(CIRCULATION_STATUS_VERBS.view, CirculationRefData, forumAccess('editor'), async (input, data) => {
  const { forum, agenda } = await leaderContext(input, data);
  return statusCard(input.services, input.t.lang, forum, agenda, undefined, { forLeaders: true });
});

/** "Send again to those not reached": their cards go again (once each), e.g. after IT installed the app. */
const resendCards = cardAction(CIRCULATION_STATUS_VERBS.resend, CirculationRefData, forumAccess('editor'), async (input, data) => {
  const { services, t } = input;
  const { forum, agenda } = await leaderContext(input, data);
  const count = await resendFanOut(services.outbox, { type: 'agenda-input', id: agenda.id }, fanOutPrefix.cards(agenda.id));
  await audit(services, forum.id, actorId(input), 'agenda.circulation.resent', agenda.id, { count });
  return statusCard(services, t.lang, forum, agenda, { text: textsFor(t.lang).notices.resent(count), tone: count === 0 ? 'warning' : 'good' }, { forLeaders: true });
});

/** "Remind the missing": at most once per local day (the stored date and the outbox keys both say so). */
const remindMissing = cardAction(CIRCULATION_STATUS_VERBS.remind, CirculationRefData, forumAccess('editor'), async (input, data) => {
  const { services, t } = input;
  const { forum, roles, agenda } = await leaderContext(input, data);
  const day = today(services);
  const now = services.clock.now();
  const progress = progressOf(agenda.circulation ?? { deadline: now.toISOString(), consultantIds: [], sentAt: now.toISOString() }, await services.agendaInputs.listByAgenda(agenda.id));
  assertAllowed(canRemindMissing(roles, agenda, progress, day, now));
  const saved = await updateAgenda(services, agenda, (current) => {
    assertAllowed(canRemindMissing(roles, current, progress, day, now));
    return { ...current, circulation: { ...current.circulation!, lastManualReminderOn: day } };
  });
  await remind(services, saved, progress.missing, `remind:${day}`, actorId(input));
  const report = await deliveryReport({
    outbox: services.outbox,
    fanOut: [{ subject: { type: 'agenda-input', id: saved.id }, idPrefix: fanOutPrefix.reminder(saved.id, `remind:${day}`) }],
    people: progress.missing.map((m) => ({ userId: m.userId, name: m.name })),
    lang: t.lang,
    noun: NOUNS.consultants[t.lang],
    ...appLinkOf(services),
    settleMs: CONFIRM_SETTLE_MS,
  });
  return statusCard(services, t.lang, forum, saved, deliveryNotice(report, textsFor(t.lang).notices.reminded), { forLeaders: true });
});

const compile = cardAction(CIRCULATION_STATUS_VERBS.compile, CirculationRefData, forumAccess('chair'), async (input, data) => {
  const { services, t } = input;
  const { forum, roles } = await forumAndRoles(services, data.forumId, actorId(input));
  const agenda = await loadAgenda(services, data.forumId, data.agendaId);
  assertAllowed(canManageBriefing(roles, agenda));
  const saved = await compileAndSend(services, forum, agenda, actorId(input));
  await audit(services, forum.id, actorId(input), 'agenda.briefing.compiled', agenda.id);
  const members = new Map((await services.members.listByForum(forum.id)).map((m) => [m.userId, m.displayName]));
  const recipients = [...new Set([...(await leadersOf(services, forum.id)), ...(saved.circulation?.sharedWith ?? [])])];
  const report = await deliveryReport({
    outbox: services.outbox,
    fanOut: [{ subject: { type: 'agenda-briefing', id: saved.id }, idPrefix: fanOutPrefix.briefing(saved.id, saved.circulation?.briefingCompiledAt ?? '') }],
    people: recipients.map((userId) => ({ userId, name: members.get(userId) ?? userId })),
    lang: t.lang,
    noun: NOUNS.recipients[t.lang],
    ...appLinkOf(services),
    settleMs: CONFIRM_SETTLE_MS,
  });
  return statusCard(services, t.lang, forum, saved, deliveryNotice(report, textsFor(t.lang).notices.compiled, true), { forLeaders: true });
});

const viewBriefing = cardAction(BRIEFING_VERBS.view, BriefingViewData, forumAccess('member'), async (input, data) => {
  const { forum, roles } = await forumAndRoles(input.services, data.forumId, actorId(input));
  const agenda = await loadAgenda(input.services, data.forumId, data.agendaId);
  assertAllowed(canSeeBriefing(roles, actorId(input), agenda));
  return briefingCardFor(input.services, input.t.lang, forum, agenda, actorId(input), roles.includes('chair'));
});

const shareBriefing = cardAction(BRIEFING_VERBS.share, BriefingShareData, forumAccess('chair'), async (input, data) => {
  const { services, t } = input;
  const { forum, roles } = await forumAndRoles(services, data.forumId, actorId(input));
  const agenda = await loadAgenda(services, data.forumId, data.agendaId);
  assertAllowed(canManageBriefing(roles, agenda));
  const members = new Set((await services.members.listByForum(forum.id)).map((m) => m.userId));
  // Only members of the forum: the briefing stays within it.
  const wanted = (data.shareWith ?? '').split(',').map((id) => id.trim()).filter((id) => members.has(id));
  const saved = await updateAgenda(services, agenda, (current) => {
    const sharedWith = [...new Set([...(current.circulation?.sharedWith ?? []), ...wanted])].slice(0, 60);
    return current.circulation === undefined || sharedWith.length === (current.circulation.sharedWith ?? []).length ? undefined : { ...current, circulation: { ...current.circulation, sharedWith } };
  });
  for (const userId of wanted) {
    await services.outbox.enqueue({
      idempotencyKey: `agenda:${agenda.id}:briefing-share:${userId}`,
      recipient: { kind: 'user', userId },
      activity: cardMessage(textsFor(t.lang).summaries.briefing(forum.name), await briefingCardFor(services, t.lang, forum, saved, userId, false)),
      subject: { type: 'agenda-briefing', id: agenda.id, forumId: forum.id },
      causedBy: actorId(input),
    });
  }
  await audit(services, forum.id, actorId(input), 'agenda.briefing.shared', agenda.id, { sharedWith: wanted });
  const names = new Map((await services.members.listByForum(forum.id)).map((m) => [m.userId, m.displayName]));
  const report =
    wanted.length === 0
      ? undefined
      : await deliveryReport({
          outbox: services.outbox,
          fanOut: [{ subject: { type: 'agenda-briefing', id: agenda.id }, idPrefix: `agenda:${agenda.id}:briefing-share:` }],
          people: wanted.map((userId) => ({ userId, name: names.get(userId) ?? userId })),
          lang: t.lang,
          noun: NOUNS.recipients[t.lang],
          ...appLinkOf(services),
          settleMs: CONFIRM_SETTLE_MS,
        });
  const notice = [textsFor(t.lang).notices.shared(wanted.length), report?.section.headline, ...(report?.section.problems.slice(0, 3).map((p) => p.explanation) ?? [])].filter((x) => x !== undefined).join(' ');
  return briefingCardFor(services, t.lang, forum, saved, actorId(input), true, notice);
});

export const circulationActions: readonly CardAction[] = [circulate, viewInput, submitInput, viewStatus, resendCards, remindMissing, compile, viewBriefing, shareBriefing];
