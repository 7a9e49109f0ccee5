import type { BotFeature } from '../feature';

export const meetingsFeature: BotFeature = { name: 'meetings' };
