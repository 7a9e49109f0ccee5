import { entryPointsOf } from '../../../bot/core/registry';
import { features } from '../../../bot/features';

/** Every `Action.Execute` verb the bot answers, from the features' registry. */
export const cardVerbs = (): string[] => entryPointsOf(features).actions.map((action) => action.verb);
