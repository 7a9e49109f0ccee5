import { z } from 'zod';
import type { Briefing } from '../domain/agendas/briefing';
import { EntityId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang, noticeBlock } from './card-kit';
import { formatDateTime } from './dates';

export const BRIEFING_VERBS = { view: 'agenda.briefing.view', share: 'agenda.briefing.share' } as const;

/**
 * The briefing card's size budget. Teams refuses bot messages near 100 KB and our cards stay under
 * 80 KB; a little room is left for rounding. The full text is always in the downloadable document.
 */
export const BRIEFING_CARD_MAX_BYTES = 79 * 1024;

export const BriefingViewData = z.object({ forumId: EntityId, agendaId: EntityId });
/** `shareWith`: comma-separated user ids from a multi-select ChoiceSet of the forum's members. */
export const BriefingShareData = z.object({ forumId: EntityId, agendaId: EntityId, shareWith: z.string().max(10_000).optional() });

export interface BriefingCardText {
  lang: CardLang;
  title: (forum: string) => string;
  meeting: (when: string) => string;
  compiledAt: (when: string) => string;
  answered: (answered: number, total: number) => string;
  noInput: string;
  noCommentsHeading: string;
  missingHeading: string;
  downloadWord: string;
  downloadMarkdown: string;
  shareLabel: string;
  share: string;
  sharedWith: (names: string) => string;
  /** Shown when the card had to shorten inputs: where the full text is. */
  shortened: string;
  /** Under an item when not every input could be named on the card. */
  moreInputs: (count: number) => string;
  /** Ends a list of names that was cut short. */
  moreNames: (count: number) => string;
}

export interface BriefingView {
  forumName: string;
  briefing: Briefing;
  timeZone: string;
  viewerId: string;
  links: { docx: string; markdown: string };
  /** Offered to the chair only: the forum's members to share with. */
  shareChoices?: readonly { userId: string; name: string }[];
  sharedWithNames: readonly string[];
  notice?: string;
}

/** Per item every input with author and forum: what the chair needs to brief the mayor. */
export function briefingCard(text: BriefingCardText, view: BriefingView): AdaptiveCard {
  const full = buildBriefingCard(text, view, {});
  if (cardBytes(full) <= BRIEFING_CARD_MAX_BYTES) return full;
  // Too big: every input gets the same room, the most that fits. Short inputs stay whole, long ones
  // end in "…"; every author and item is still named, and the card points to the full document.
  const { briefing } = view;
  const longest = briefing.items.reduce((most, i) => i.entries.reduce((m, e) => Math.max(m, Array.from(e.text).length), most), 0);
  const shortened = largestThatFits(0, longest - 1, (textCap) => buildBriefingCard(text, view, { textCap }));
  if (shortened !== undefined) return shortened;
  // Even the names alone do not fit (hundreds of consultants on many items): name the first ones
  // of each list and count the rest.
  const longestList = briefing.items.reduce((most, i) => Math.max(most, i.entries.length), Math.max(briefing.noComments.length, briefing.progress.missing.length));
  return (
    largestThatFits(0, longestList - 1, (listCap) => buildBriefingCard(text, view, { textCap: 0, listCap })) ??
    buildBriefingCard(text, view, { textCap: 0, listCap: 0 })
  );
}

/** How much of the briefing the card shows; absent means all of it. */
interface Fit {
  /** Characters of each input's text. */
  textCap?: number;
  /** Entries per item and names per list. */
  listCap?: number;
}

const utf8 = new TextEncoder();
const cardBytes = (card: AdaptiveCard): number => utf8.encode(JSON.stringify(card)).length;

/** The card for the largest cap in [low, high] that stays within the budget (binary search: the size grows with the cap). */
function largestThatFits(low: number, high: number, build: (cap: number) => AdaptiveCard): AdaptiveCard | undefined {
  let best: AdaptiveCard | undefined;
  while (low <= high) {
    const cap = Math.floor((low + high) / 2);
    const card = build(cap);
    if (cardBytes(card) <= BRIEFING_CARD_MAX_BYTES) {
      best = card;
      low = cap + 1;
    } else high = cap - 1;
  }
  return best;
}

/** The first `cap` characters (code points), cut back to a word end when one is near, then "…". */
function shorten(value: string, cap: number | undefined): string {
  if (cap === undefined) return value;
  const chars = Array.from(value);
  if (chars.length <= cap) return value;
  let cut = chars.slice(0, cap).join('');
  const wordEnd = cut.search(/\s\S*$/);
  if (wordEnd > 0 && cut.length - wordEnd <= 30) cut = cut.slice(0, wordEnd);
  return `${cut.trimEnd()}…`;
}

function firstOf<T>(list: readonly T[], cap: number | undefined): { shown: readonly T[]; rest: number } {
  return cap === undefined || list.length <= cap ? { shown: list, rest: 0 } : { shown: list.slice(0, cap), rest: list.length - cap };
}

function buildBriefingCard(text: BriefingCardText, view: BriefingView, fit: Fit): AdaptiveCard {
  const { briefing } = view;
  const { agenda } = briefing;
  const when = (instant: string): string => formatDateTime(instant, text.lang, view.timeZone);
  const ref = { forumId: agenda.forumId, agendaId: agenda.id };
  const names = (list: readonly string[]): string => {
    const { shown, rest } = firstOf(list, fit.listCap);
    return [...shown, ...(rest > 0 ? [text.moreNames(rest)] : [])].join(', ');
  };
  const body: CardElement[] = [];
  if (view.notice !== undefined) body.push(noticeBlock(view.notice));
  body.push(heading(text.title(asText(view.forumName))), paragraph(text.meeting(when(agenda.meetingStart)), { spacing: 'None' }));
  const compiled = agenda.circulation?.briefingCompiledAt;
  if (compiled !== undefined) body.push(paragraph(text.compiledAt(when(compiled)), { isSubtle: true, size: 'Small', spacing: 'None' }));
  body.push(paragraph(text.answered(briefing.progress.answered, briefing.progress.total)));
  if (fit.textCap !== undefined) body.push(paragraph(text.shortened, { color: 'Warning', weight: 'Bolder' }));
  for (const { item, entries } of briefing.items) {
    const lines: CardElement[] = [{ type: 'TextBlock', text: asText(item.title), weight: 'Bolder', wrap: true }];
    if (entries.length === 0) lines.push(paragraph(text.noInput, { isSubtle: true, spacing: 'None' }));
    const { shown, rest } = firstOf(entries, fit.listCap);
    for (const entry of shown) lines.push(paragraph(`**${asText(entry.authorName)}** (${asText(entry.forumName)}): ${asText(shorten(entry.text, fit.textCap))}`, { spacing: 'Small' }));
    if (rest > 0) lines.push(paragraph(text.moreInputs(rest), { isSubtle: true, spacing: 'Small' }));
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items: lines });
  }
  if (briefing.noComments.length > 0) {
    body.push(paragraph(`**${text.noCommentsHeading}** ${names(briefing.noComments.map((n) => `${asText(n.authorName)} (${asText(n.forumName)})`))}`, { separator: true }));
  }
  if (briefing.progress.missing.length > 0) {
    body.push(paragraph(`**${text.missingHeading}** ${names(briefing.progress.missing.map((m) => asText(m.name)))}`));
  }
  if (view.sharedWithNames.length > 0) body.push(paragraph(text.sharedWith(view.sharedWithNames.map(asText).join(', ')), { isSubtle: true, size: 'Small' }));
  const actions: CardElement[] = [
    { type: 'Action.OpenUrl', title: text.downloadWord, url: view.links.docx },
    { type: 'Action.OpenUrl', title: text.downloadMarkdown, url: view.links.markdown },
  ];
  if (view.shareChoices !== undefined && view.shareChoices.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'shareWith',
      label: text.shareLabel,
      isMultiSelect: true,
      choices: view.shareChoices.map((c) => ({ title: c.name, value: c.userId })),
      separator: true,
    });
    actions.push(executeAction(text.share, BRIEFING_VERBS.share, ref));
  }
  return {
    ...adaptiveCard(text.lang, body, actions),
    refresh: { action: { type: 'Action.Execute', verb: BRIEFING_VERBS.view, data: ref }, userIds: [view.viewerId] },
  } as AdaptiveCard;
}
