import { z } from 'zod';
import type { Level } from '../domain/fora/forum';
import { EntityId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

export const FORA_VERBS = { link: 'forum.link', page: 'fora.page' } as const;

/** `fora.page`: the list of all fora from the `from`th on (1 when absent). */
export const ForaPageData = z.object({ from: z.number().int().min(1).max(1_000_000).optional() });
export type ForaPageData = z.infer<typeof ForaPageData>;

/** Fora one card lists; "Vis flere" gives the next ones (a municipality has a few dozen, a deployment may serve a thousand). */
export const FORA_PAGE = 20;

/** The id of the choice input, so that Teams puts the chosen forum in `data.forumId`. */
export const FORUM_CHOICE_ID = 'forumId';

/**
 * A later page's choice has an id of its own (`forumId_21`): a renderer that keeps an input's
 * state by id while a card is replaced (the Agents Playground does) would otherwise show the first
 * page's fora on the next.
 */
const choiceIdOf = (from: number): string => (from === 1 ? FORUM_CHOICE_ID : `${FORUM_CHOICE_ID}_${from}`);

/** The chosen forum, whichever page's choice it came from. */
function chosenForum(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || FORUM_CHOICE_ID in raw) return raw;
  const picked = Object.entries(raw).find(([key]) => /^forumId_\d+$/.test(key));
  return picked === undefined ? raw : { ...raw, [FORUM_CHOICE_ID]: picked[1] };
}

/** `forum.link`: link the channel the card is in to the chosen forum. */
export const ForumLinkData = z.preprocess(chosenForum, z.object({ forumId: EntityId }));
export type ForumLinkData = z.infer<typeof ForumLinkData>;

export interface ForaCardText {
  lang: CardLang;
  title: string;
  intro: string;
  empty: string;
  levels: Record<Level, string>;
  sensitive: string;
  linkedHere: string;
  pickLabel: string;
  /** Shown by Teams when the button is pressed with nothing chosen (checked again by the bot). */
  pickMissing: string;
  linkButton: string;
  /** "Viser 21–40 af 312 fora." */
  range: (first: number, last: number, total: number) => string;
  more: string;
  firstPage: string;
  /** Under a channel's choice when the list has more pages: the forum can also be named. */
  typeToLink: string;
}

export interface ForaCardView {
  fora: readonly { id: string; name: string; level: Level; sensitive: boolean; linkedHere: boolean }[];
  /** In a channel: offer to link the channel to one of the fora. */
  offerLink: boolean;
  /** A line above the list, e.g. why the person sees all fora rather than their own. */
  notice?: string | undefined;
  /** A page of a longer list: the place of its first forum and how many there are in all. */
  page?: { from: number; total: number };
}

export function foraCard(text: ForaCardText, view: ForaCardView): AdaptiveCard {
  const notice = view.notice === undefined ? [] : [paragraph(view.notice)];
  if (view.fora.length === 0) return adaptiveCard(text.lang, [heading(text.title), ...notice, paragraph(text.empty)]);
  // Each forum its own lines, the name the full width: a FactSet's narrow title column broke long names mid-word.
  const rows = view.fora.map(
    (f): CardElement => ({
      type: 'Container',
      spacing: 'Small',
      items: [
        { type: 'TextBlock', text: asText(f.name), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: [text.levels[f.level], f.sensitive ? text.sensitive : undefined, f.linkedHere ? text.linkedHere : undefined].filter(Boolean).join(' · '), isSubtle: true, spacing: 'None', wrap: true },
      ],
    }),
  );
  const body: CardElement[] = [heading(text.title), ...notice, paragraph(text.intro), ...rows];
  const page = view.page ?? { from: 1, total: view.fora.length };
  const last = page.from + view.fora.length - 1;
  const paged = page.from > 1 || last < page.total;
  if (paged) body.push(paragraph(text.range(page.from, last, page.total), { isSubtle: true, size: 'Small' }));
  const paging = [
    // Paging needs no choice made: the choice's "required" would otherwise stop it.
    ...(last < page.total ? [executeAction(text.more, FORA_VERBS.page, { from: last + 1 }, { associatedInputs: 'none' })] : []),
    ...(page.from > 1 ? [executeAction(text.firstPage, FORA_VERBS.page, {}, { associatedInputs: 'none' })] : []),
  ];
  if (!view.offerLink) return adaptiveCard(text.lang, body, paging);
  body.push({
    type: 'Input.ChoiceSet',
    id: choiceIdOf(page.from),
    label: text.pickLabel,
    isRequired: true,
    errorMessage: text.pickMissing,
    choices: view.fora.map((f) => ({ title: f.name, value: f.id })),
  });
  if (paged) body.push(paragraph(text.typeToLink, { isSubtle: true, size: 'Small' }));
  return adaptiveCard(text.lang, body, [executeAction(text.linkButton, FORA_VERBS.link), ...paging]);
}
