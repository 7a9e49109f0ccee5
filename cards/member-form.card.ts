import { z } from 'zod';
import { ROLES, type Role } from '../domain/fora/forum';
import { EntityId } from '../domain/shared/ids';
import { TEXT_LIMITS } from '../domain/shared/text-limits';
import { textField } from './form-fields';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang } from './card-kit';
import { FORUM_VERBS } from './forum.card';

export const MEMBER_FORM_VERBS = { add: 'registry.member.add' } as const;

/** The input ids; Teams puts each input's value under its id in the action's data. */
export const MEMBER_FORM_INPUTS = { known: 'knownUserId', name: 'displayName', email: 'email', userId: 'newUserId', roles: 'roles' } as const;

/**
 * `registry.member.add` as it arrives: the form's fields as Teams sends them (strings, empty when
 * left blank; the role choice comma-separated). The bot checks the content with its own (guarded)
 * schema, so that it can answer with the form and a precise message instead of a generic error.
 */
export const MemberAddData = z.object({
  forumId: EntityId,
  knownUserId: z.string().max(200).optional(),
  displayName: z.string().max(500).optional(),
  email: z.string().max(500).optional(),
  newUserId: z.string().max(500).optional(),
  roles: z.string().max(200).optional(),
});
export type MemberAddData = z.infer<typeof MemberAddData>;

export interface MemberFormCardText {
  lang: CardLang;
  title: (forum: string) => string;
  intro: string;
  knownLabel: string;
  knownPlaceholder: string;
  orNew: string;
  nameLabel: string;
  emailLabel: string;
  userIdLabel: string;
  userIdHint: string;
  rolesLabel: string;
  roles: Record<Role, string>;
  add: string;
  cancel: string;
}

export interface MemberFormCardView {
  forumId: string;
  forumName: string;
  /** People the bot knows who are not in the forum yet. */
  known: readonly { userId: string; displayName: string }[];
  /** What was typed before, when the form comes back with an error. */
  values?: Partial<Record<keyof typeof MEMBER_FORM_INPUTS, string>>;
  error?: string;
}

export const rolesChoices = (roles: Record<Role, string>) => ROLES.map((role) => ({ title: roles[role], value: role }));

/** The chair's form to add a member: pick someone the bot knows, or type name, e-mail and Entra id. */
export function memberFormCard(text: MemberFormCardText, view: MemberFormCardView): AdaptiveCard {
  const v = view.values ?? {};
  const body: CardElement[] = [heading(text.title(asText(view.forumName)))];
  if (view.error !== undefined) body.push(paragraph(view.error, { color: 'Attention', weight: 'Bolder' }));
  body.push(paragraph(text.intro));
  if (view.known.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: MEMBER_FORM_INPUTS.known,
      label: text.knownLabel,
      placeholder: text.knownPlaceholder,
      choices: view.known.map((p) => ({ title: p.displayName, value: p.userId })),
      ...(v.known ? { value: v.known } : {}),
    });
    body.push(paragraph(text.orNew, { isSubtle: true }));
  }
  body.push(
    textField(text.lang, { id: MEMBER_FORM_INPUTS.name, label: text.nameLabel, max: TEXT_LIMITS.personName, ...(v.name ? { value: v.name } : {}) }),
    textField(text.lang, { id: MEMBER_FORM_INPUTS.email, label: text.emailLabel, max: TEXT_LIMITS.email, style: 'Email', ...(v.email ? { value: v.email } : {}) }),
    textField(text.lang, { id: MEMBER_FORM_INPUTS.userId, label: text.userIdLabel, placeholder: text.userIdHint, max: TEXT_LIMITS.userId, ...(v.userId ? { value: v.userId } : {}) }),
    {
      type: 'Input.ChoiceSet',
      id: MEMBER_FORM_INPUTS.roles,
      label: text.rolesLabel,
      isMultiSelect: true,
      style: 'expanded',
      choices: rolesChoices(text.roles),
      value: v.roles ?? 'member',
    },
  );
  return adaptiveCard(text.lang, body, [
    executeAction(text.add, MEMBER_FORM_VERBS.add, { forumId: view.forumId }),
    executeAction(text.cancel, FORUM_VERBS.show, { forumId: view.forumId }, { associatedInputs: 'none' }),
  ]);
}
