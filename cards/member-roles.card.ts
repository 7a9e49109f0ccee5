import { z } from 'zod';
import type { Role } from '../domain/fora/forum';
import { EntityId, UserId } from '../domain/shared/ids';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardLang } from './card-kit';
import { FORUM_VERBS } from './forum.card';
import { rolesChoices } from './member-form.card';

export const MEMBER_ROLES_VERBS = {
  setRoles: 'registry.member.setRoles',
  confirmRemove: 'registry.member.confirmRemove',
  remove: 'registry.member.remove',
} as const;

/** Roles as the multi-select sends them: "chair,member". */
export const RolesText = z.string().max(200);

/**
 * `registry.member.setRoles`: the new roles and the roles the card showed (so that a change made
 * by someone else in the meantime is not overwritten unseen).
 */
export const MemberRolesData = z.object({ forumId: EntityId, userId: UserId, roles: RolesText.optional(), shownRoles: RolesText });
export type MemberRolesData = z.infer<typeof MemberRolesData>;

/** `registry.member.confirmRemove` and `registry.member.remove`. */
export const MemberRemoveData = z.object({ forumId: EntityId, userId: UserId });
export type MemberRemoveData = z.infer<typeof MemberRemoveData>;

export interface MemberRolesCardText {
  lang: CardLang;
  title: (name: string, forum: string) => string;
  rolesLabel: string;
  roles: Record<Role, string>;
  save: string;
  remove: string;
  back: string;
  confirmTitle: (name: string, forum: string) => string;
  confirmText: string;
  confirmRemove: string;
  cancel: string;
}

export interface MemberView {
  forumId: string;
  forumName: string;
  userId: string;
  displayName: string;
  email?: string | undefined;
  roles: readonly Role[];
}

/** The chair changes one member's roles, or goes on to remove them. */
export function memberRolesCard(text: MemberRolesCardText, view: MemberView): AdaptiveCard {
  const ref = { forumId: view.forumId, userId: view.userId };
  return adaptiveCard(
    text.lang,
    [
      heading(text.title(asText(view.displayName), asText(view.forumName))),
      ...(view.email === undefined ? [] : [paragraph(asText(view.email), { isSubtle: true, spacing: 'None' })]),
      {
        type: 'Input.ChoiceSet',
        id: 'roles',
        label: text.rolesLabel,
        isMultiSelect: true,
        style: 'expanded',
        choices: rolesChoices(text.roles),
        value: view.roles.join(','),
      },
    ],
    [
      executeAction(text.save, MEMBER_ROLES_VERBS.setRoles, { ...ref, shownRoles: view.roles.join(',') }),
      executeAction(text.remove, MEMBER_ROLES_VERBS.confirmRemove, ref, { associatedInputs: 'none', style: 'destructive' }),
      executeAction(text.back, FORUM_VERBS.show, { forumId: view.forumId }, { associatedInputs: 'none' }),
    ],
  );
}

/** Removing someone is asked once more, with their name, before anything is written. */
export function memberRemoveCard(text: MemberRolesCardText, view: MemberView): AdaptiveCard {
  const ref = { forumId: view.forumId, userId: view.userId };
  return adaptiveCard(
    text.lang,
    [heading(text.confirmTitle(asText(view.displayName), asText(view.forumName))), paragraph(text.confirmText)],
    [
      executeAction(text.confirmRemove, MEMBER_ROLES_VERBS.remove, ref, { style: 'destructive' }),
      executeAction(text.cancel, FORUM_VERBS.show, { forumId: view.forumId }),
    ],
  );
}
