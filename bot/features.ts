import { actionItemsFeature } from './action-items/action-items.feature';
import { agendasFeature } from './agendas/agendas.feature';
import type { BotFeature } from './core/feature';
import { entryPointsOf } from './core/registry';
import { escalationsFeature } from './escalations/escalations.feature';
import { helpFeature } from './help/help.feature';
import { meetingsFeature } from './meetings/meetings.feature';
import { pictureFeature } from './picture/picture.feature';
import { privacyFeature } from './privacy/privacy.feature';
import { planFeature } from './plan/plan.feature';
import { reachFeature } from './reach/reach.feature';
import { registryFeature } from './registry/registry.feature';
import { remindersFeature } from './reminders/reminders.feature';
import { tabFeature } from './tab/tab.feature';

/**
 * The one registry: every feature, and through them every command, card verb, route and job the
 * bot has. The app passes it to the bot and the server; the help card lists commands in this order.
 */
export const features: readonly BotFeature[] = [helpFeature, registryFeature, meetingsFeature, remindersFeature, agendasFeature, tabFeature, actionItemsFeature, escalationsFeature, planFeature, pictureFeature, reachFeature, privacyFeature];

/** Every command and card verb of the features above (for tests and tools; the app gathers its own). */
export const entryPoints = entryPointsOf(features);
