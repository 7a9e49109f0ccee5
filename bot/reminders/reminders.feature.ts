import type { BotFeature } from '../feature';

export const remindersFeature: BotFeature = { name: 'reminders' };
