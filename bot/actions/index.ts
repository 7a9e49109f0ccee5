import { features } from '../features';
import type { CardAction } from './card-action';
import { forumLinkAction } from './forum-link.action';
import { helpShowAction } from './help-show.action';

/** Every `Action.Execute` verb the bot answers; the invoke handler only routes to these. */
export const cardActions: readonly CardAction[] = [helpShowAction, forumLinkAction, ...features.flatMap((f) => f.actions ?? [])];

export type { ActionInput, CardAction } from './card-action';
