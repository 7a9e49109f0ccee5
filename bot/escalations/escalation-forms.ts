import { escalationFormCard, escalationListCard } from '../../cards/escalation-form.card';
import { asText, type AdaptiveCard } from '../../cards/card-kit';
import { CLOSED_STATES, type Escalation } from '../../domain/escalations/escalation';
import type { BotServices } from '../core/services';
import type { Lang } from '../i18n';
import { forumIdsOf } from './escalation-people';
import { escalationTexts } from './escalations.texts';

/** The raise form: the fora the person belongs to that escalate somewhere, the given one chosen. */
export async function raiseForm(services: BotServices, lang: Lang, userId: string, preset: { forumId?: string; title?: string } = {}): Promise<AdaptiveCard> {
  const [memberOf, fora] = await Promise.all([forumIdsOf(services, userId), services.fora.list()]);
  const byId = new Map(fora.map((f) => [f.id, f]));
  const choices = fora
    .filter((f) => memberOf.includes(f.id) && f.escalatesTo !== undefined)
    .map((f) => ({ id: f.id, name: f.name, escalatesToName: byId.get(f.escalatesTo ?? '')?.name ?? '' }));
  const forumId = choices.some((c) => c.id === preset.forumId) ? preset.forumId : undefined;
  // The areas are the municipality's: every forum carries the same list from the fora file.
  const areas = fora.find((f) => f.id === (forumId ?? choices[0]?.id))?.areas ?? [];
  return escalationFormCard(escalationTexts[lang].form, {
    fora: choices,
    areas,
    ...(forumId === undefined ? {} : { forumId }),
    ...(preset.title === undefined || preset.title === '' ? {} : { title: preset.title.slice(0, 200) }),
  });
}

/** Cases a section of the list shows. */
const LIST_SHOWN = 20;

/**
 * `eskaler` in a personal chat: the cases I raised (the newest 20, whichever forum: the raiser may
 * always see their case) and the open ones waiting for me (held where I am manager or chair, or a
 * question to me). Two rounds, whatever the number of cases stored.
 */
export async function myCases(services: BotServices, lang: Lang, userId: string): Promise<AdaptiveCard> {
  const t = escalationTexts[lang];
  // Side by side: my memberships, the open cases, the fora's names, and the newest cases I raised.
  const [memberships, open, fora, raised] = await Promise.all([
    services.members.listMembershipsOfUser(userId),
    services.escalations.listOpen(),
    services.fora.list(),
    services.escalations.listRaisedBy(userId, LIST_SHOWN),
  ]);
  const name = (id: string): string => fora.find((f) => f.id === id)?.name ?? id;
  const deciderIn = memberships.filter((m) => m.roles.includes('manager') || m.roles.includes('chair')).map((m) => m.forumId);
  const line = (e: Escalation): string => `${asText(e.title)} · ${t.card.states[e.state]} · ${asText(name(e.currentForumId))}`;
  const waiting = open.filter(
    (e) => (e.state === 'awaiting_answer' ? e.raisedBy.userId === userId : deciderIn.includes(e.currentForumId)) && !CLOSED_STATES.includes(e.state),
  );
  // Newest first, 20 of each, saying so when there are more (a case is one click from its card).
  const newest = [...waiting].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return escalationListCard(t.list, {
    raised: raised.cases.map((e) => ({ id: e.id, line: line(e) })),
    waiting: newest.slice(0, LIST_SHOWN).map((e) => ({ id: e.id, line: line(e) })),
    raisedTotal: raised.total,
    waitingTotal: waiting.length,
  });
}
