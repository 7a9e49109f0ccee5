import { z } from 'zod';
import { ROLES, type Level, type Role } from '../domain/fora/forum';
import { EntityId, UserId } from '../domain/shared/ids';
import { ESCALATION_DEADLINE_VERBS } from './escalation-deadlines.card';
import { adaptiveCard, asText, executeAction, heading, paragraph, type AdaptiveCard, type CardElement, type CardLang, noticeBlock } from './card-kit';

export const FORUM_VERBS = {
  show: 'registry.forum.show',
  /** Back from a forum to the list of the person's fora. */
  list: 'registry.fora.list',
  addForm: 'registry.member.addForm',
  edit: 'registry.member.edit',
} as const;

/** `registry.forum.show`, `registry.member.addForm`: which forum. */
export const ForumRefData = z.object({ forumId: EntityId });
export type ForumRefData = z.infer<typeof ForumRefData>;

/** `registry.fora.list`: nothing; the list is the clicking person's own. */
export const ForaListData = z.object({});

/** `registry.member.edit`: the member picked on the forum card (the choice input sends `userId`). */
export const MemberRefData = z.object({ forumId: EntityId, userId: UserId });
export type MemberRefData = z.infer<typeof MemberRefData>;

export const MEMBER_CHOICE_ID = 'userId';

export interface ForumCardText {
  lang: CardLang;
  levelLabel: string;
  levels: Record<Level, string>;
  channelLabel: string;
  notLinked: string;
  sensitive: string;
  nextMeetingLabel: string;
  noMeeting: string;
  chainTitle: string;
  escalatesToLabel: string;
  topOfChain: string;
  escalatedFromLabel: string;
  nothingBelow: string;
  membersTitle: string;
  /** Group headings, one per role. */
  roleGroups: Record<Role, string>;
  membersHidden: string;
  noMembers: string;
  manageLabel: string;
  pickMemberMissing: string;
  addMember: string;
  editMember: string;
  /** The chair's button under the chain: the forum's deadlines for escalated cases. */
  escalationDeadlines: string;
  /** Back to the list the forum was opened from. */
  backToList: string;
}

export interface ForumCardView {
  id: string;
  name: string;
  level: Level;
  sensitive: boolean;
  channelName?: string | undefined;
  linked: boolean;
  nextMeeting?: string | undefined;
  escalatesTo?: { id: string; name: string } | undefined;
  escalatedFrom: readonly { id: string; name: string }[];
  /** Undefined when the viewer may not see who sits in the forum (sensitive, not a member). */
  members?: readonly { userId: string; displayName: string; roles: readonly Role[] }[] | undefined;
  /** The viewer is the chair: offer to add, change and remove members. */
  canManage: boolean;
  /** A line on top, e.g. the confirmation of a change just made. */
  notice?: string | undefined;
  /**
   * For a message everyone in a channel sees: the Teams ids (`29:…`, at most 60) whose client
   * fetches its own view (members of a sensitive forum see its members, the chair the buttons).
   */
  refreshFor?: readonly string[] | undefined;
  /** Opened from the person's list in their own chat: offer the way back to it. */
  backToList?: boolean | undefined;
}

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

type RefreshableCard = AdaptiveCard & { refresh?: { action: CardElement; userIds: string[] } };

function withRefresh(card: AdaptiveCard, view: ForumCardView): RefreshableCard {
  if (view.refreshFor === undefined || view.refreshFor.length === 0) return card;
  const action = { type: 'Action.Execute', title: view.name, verb: FORUM_VERBS.show, data: { forumId: view.id } };
  return { ...card, refresh: { action, userIds: view.refreshFor.slice(0, MAX_REFRESH_USERS) } };
}

const fact = (title: string, value: string) => ({ title, value });

function memberGroups(text: ForumCardText, members: NonNullable<ForumCardView['members']>): CardElement[] {
  if (members.length === 0) return [paragraph(text.noMembers)];
  return ROLES.flatMap((role) => {
    const inRole = members.filter((m) => m.roles.includes(role)).map((m) => m.displayName);
    if (inRole.length === 0) return [];
    return [
      paragraph(text.roleGroups[role], { weight: 'Bolder', spacing: 'Medium' }),
      paragraph(inRole.map((name) => `- ${asText(name)}`).join('\n'), { spacing: 'Small' }),
    ];
  });
}

/** One forum: its place in the chain, its channel, and who sits in it by role. */
export function forumCard(text: ForumCardText, view: ForumCardView): RefreshableCard {
  const body: CardElement[] = [];
  if (view.notice !== undefined) body.push(noticeBlock(view.notice));
  body.push(heading(asText(view.name)));
  if (view.sensitive) body.push(paragraph(text.sensitive, { color: 'Attention', spacing: 'None' }));
  body.push({
    type: 'FactSet',
    facts: [
      fact(text.levelLabel, text.levels[view.level]),
      fact(text.channelLabel, view.linked ? (view.channelName === undefined ? '✓' : asText(view.channelName)) : text.notLinked),
      fact(text.nextMeetingLabel, view.nextMeeting ?? text.noMeeting),
    ],
  });
  body.push(paragraph(text.chainTitle, { weight: 'Bolder', spacing: 'Medium' }));
  body.push({
    type: 'FactSet',
    facts: [
      fact(text.escalatesToLabel, view.escalatesTo === undefined ? text.topOfChain : asText(view.escalatesTo.name)),
      fact(text.escalatedFromLabel, view.escalatedFrom.length === 0 ? text.nothingBelow : view.escalatedFrom.map((f) => asText(f.name)).join(', ')),
    ],
  });
  if (view.canManage) {
    body.push({ type: 'ActionSet', actions: [executeAction(text.escalationDeadlines, ESCALATION_DEADLINE_VERBS.show, { forumId: view.id }, { associatedInputs: 'none' })] });
  }
  body.push(paragraph(text.membersTitle, { weight: 'Bolder', size: 'Medium', spacing: 'Large', separator: true }));
  body.push(...(view.members === undefined ? [paragraph(text.membersHidden, { isSubtle: true })] : memberGroups(text, view.members)));

  const back = view.backToList === true ? [executeAction(text.backToList, FORUM_VERBS.list, {}, { associatedInputs: 'none' })] : [];
  if (!view.canManage || view.members === undefined) return withRefresh(adaptiveCard(text.lang, body, back), view);
  const actions: CardElement[] = [executeAction(text.addMember, FORUM_VERBS.addForm, { forumId: view.id }, { associatedInputs: 'none' })];
  if (view.members.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: MEMBER_CHOICE_ID,
      label: text.manageLabel,
      isRequired: true,
      errorMessage: text.pickMemberMissing,
      spacing: 'Large',
      choices: view.members.map((m) => ({ title: m.displayName, value: m.userId })),
    });
    actions.push(executeAction(text.editMember, FORUM_VERBS.edit, { forumId: view.id }));
  }
  return withRefresh(adaptiveCard(text.lang, body, [...actions, ...back]), view);
}
