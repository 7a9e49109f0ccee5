import type { BotFeature } from '../core/feature';
import { foraPageAction, forumLinkAction } from './forum-link.action';
import { foraListAction, forumShowAction } from './forum-show.action';
import { forumsCommand } from './forums.command';
import { linkCommand } from './link.command';
import { memberAddAction, memberAddFormAction } from './member-add.action';
import { memberConfirmRemoveAction, memberEditAction, memberRemoveAction, memberSetRolesAction } from './member-edit.action';

/** The fora and their members: a forum's card, and the chair's changes to who sits in it. */
export const registryFeature: BotFeature = {
  name: 'registry',
  commands: [forumsCommand, linkCommand],
  actions: [forumLinkAction, foraPageAction, forumShowAction, foraListAction, memberAddFormAction, memberAddAction, memberEditAction, memberSetRolesAction, memberConfirmRemoveAction, memberRemoveAction],
};
