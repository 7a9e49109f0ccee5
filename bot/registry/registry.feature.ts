import type { BotFeature } from '../feature';
import { forumShowAction } from './forum-show.action';
import { memberAddAction, memberAddFormAction } from './member-add.action';
import { memberConfirmRemoveAction, memberEditAction, memberRemoveAction, memberSetRolesAction } from './member-edit.action';

/** The fora and their members: a forum's card, and the chair's changes to who sits in it. */
export const registryFeature: BotFeature = {
  name: 'registry',
  actions: [forumShowAction, memberAddFormAction, memberAddAction, memberEditAction, memberSetRolesAction, memberConfirmRemoveAction, memberRemoveAction],
};
