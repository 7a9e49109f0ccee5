import { z } from 'zod';
import type { Agenda } from '../domain/agendas/agenda';
import type { Progress } from '../domain/agendas/agenda.rules';
import { EntityId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { formatDateTime } from './dates';
import { deliverySection, type DeliverySectionText, type DeliverySectionView } from './delivery-section';

export const CIRCULATION_STATUS_VERBS = {
  view: 'agenda.circulation.view',
  remind: 'agenda.circulation.remind',
  compile: 'agenda.briefing.compile',
  resend: 'agenda.circulation.resend',
} as const;

export const CirculationRefData = z.object({ forumId: EntityId, agendaId: EntityId });

export interface CirculationStatusCardText {
  lang: CardLang;
  title: (forum: string) => string;
  meeting: (when: string) => string;
  deadline: (when: string) => string;
  closed: string;
  answered: (answered: number, total: number) => string;
  missingHeading: string;
  allAnswered: string;
  andMore: (count: number) => string;
  remind: string;
  compile: string;
  briefingReady: (when: string) => string;
}

export interface CirculationStatusView {
  forumName: string;
  agenda: Agenda;
  progress: Progress;
  open: boolean;
  timeZone: string;
  /** Those who get the live view (chair and secretaries, at most 60). */
  viewerIds: readonly string[];
  notice?: { text: string; tone: 'good' | 'warning' | 'attention' };
  /** Who really got their card (delivered, on its way, not reachable yet, in doubt). */
  delivery?: { view: DeliverySectionView; text: DeliverySectionText };
}

const MISSING_SHOWN = 40;

/** In the forum's channel: how many consultants answered and who has not; the chair's buttons. */
export function circulationStatusCard(text: CirculationStatusCardText, view: CirculationStatusView): AdaptiveCard {
  const { agenda, progress } = view;
  const circulation = agenda.circulation;
  const when = (instant: string): string => formatDateTime(instant, text.lang, view.timeZone);
  const ref = { forumId: agenda.forumId, agendaId: agenda.id };
  const body: CardElement[] = [];
  if (view.notice !== undefined) body.push(paragraph(view.notice.text, { color: view.notice.tone === 'good' ? 'Good' : view.notice.tone === 'warning' ? 'Warning' : 'Attention', weight: 'Bolder' }));
  body.push(heading(text.title(asText(view.forumName))), paragraph(text.meeting(when(agenda.meetingStart)), { spacing: 'None' }));
  if (circulation !== undefined) body.push(paragraph(view.open ? text.deadline(when(circulation.deadline)) : text.closed, { weight: 'Bolder' }));
  const delivery = view.delivery === undefined ? undefined : deliverySection(view.delivery.text, view.delivery.view);
  if (delivery !== undefined) body.push(...delivery.body);
  body.push(paragraph(text.answered(progress.answered, progress.total), { size: 'Large', color: progress.answered === progress.total ? 'Good' : 'Default' }));
  if (progress.missing.length === 0) body.push(paragraph(text.allAnswered));
  else {
    const shown = progress.missing.slice(0, MISSING_SHOWN).map((m) => `- ${asText(m.name)}${m.forumName === '' ? '' : ` (${asText(m.forumName)})`}`);
    if (progress.missing.length > MISSING_SHOWN) shown.push(text.andMore(progress.missing.length - MISSING_SHOWN));
    body.push(paragraph(text.missingHeading, { weight: 'Bolder' }), paragraph(shown.join('\n'), { spacing: 'None' }));
  }
  if (circulation?.briefingCompiledAt !== undefined) body.push(paragraph(text.briefingReady(when(circulation.briefingCompiledAt)), { color: 'Good' }));
  const actions = [
    ...(view.open && progress.missing.length > 0 ? [executeAction(text.remind, CIRCULATION_STATUS_VERBS.remind, ref)] : []),
    executeAction(text.compile, CIRCULATION_STATUS_VERBS.compile, ref),
    ...(delivery?.actions ?? []),
  ];
  return {
    ...adaptiveCard(text.lang, body, actions),
    refresh: { action: { type: 'Action.Execute', verb: CIRCULATION_STATUS_VERBS.view, data: ref }, userIds: view.viewerIds.slice(0, 60) },
  } as AdaptiveCard;
}
