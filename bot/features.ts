import { actionItemsFeature } from './action-items/action-items.feature';
import { agendasFeature } from './agendas/agendas.feature';
import { escalationsFeature } from './escalations/escalations.feature';
import type { BotFeature } from './feature';
import { meetingsFeature } from './meetings/meetings.feature';
import { registryFeature } from './registry/registry.feature';
import { remindersFeature } from './reminders/reminders.feature';
import { tabFeature } from './tab/tab.feature';

/** The features beside the core commands; the app wires their actions, routes and jobs. */
export const features: readonly BotFeature[] = [registryFeature, meetingsFeature, remindersFeature, agendasFeature, tabFeature, actionItemsFeature, escalationsFeature];
