import { z } from 'zod';
import type { Level } from '../domain/fora/forum';
import { EntityId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';

export const FORA_VERBS = { link: 'forum.link' } as const;

/** `forum.link`: link the channel the card is in to the chosen forum. */
export const ForumLinkData = z.object({ forumId: EntityId });
export type ForumLinkData = z.infer<typeof ForumLinkData>;

/** The id of the choice input, so that Teams puts the chosen forum in `data.forumId`. */
export const FORUM_CHOICE_ID = 'forumId';

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
}

export interface ForaCardView {
  fora: readonly { id: string; name: string; level: Level; sensitive: boolean; linkedHere: boolean }[];
  /** In a channel: offer to link the channel to one of the fora. */
  offerLink: boolean;
  /** A line above the list, e.g. why the person sees all fora rather than their own. */
  notice?: string | undefined;
}

export function foraCard(text: ForaCardText, view: ForaCardView): AdaptiveCard {
  const notice = view.notice === undefined ? [] : [paragraph(view.notice)];
  if (view.fora.length === 0) return adaptiveCard(text.lang, [heading(text.title), ...notice, paragraph(text.empty)]);
  const facts = view.fora.map((f) => ({
    title: asText(f.name),
    value: [text.levels[f.level], f.sensitive ? text.sensitive : undefined, f.linkedHere ? text.linkedHere : undefined].filter(Boolean).join(' · '),
  }));
  const body: CardElement[] = [heading(text.title), ...notice, paragraph(text.intro), { type: 'FactSet', facts }];
  if (!view.offerLink) return adaptiveCard(text.lang, body);
  body.push({
    type: 'Input.ChoiceSet',
    id: FORUM_CHOICE_ID,
    label: text.pickLabel,
    isRequired: true,
    errorMessage: text.pickMissing,
    choices: view.fora.map((f) => ({ title: f.name, value: f.id })),
  });
  return adaptiveCard(text.lang, body, [executeAction(text.linkButton, FORA_VERBS.link)]);
}
