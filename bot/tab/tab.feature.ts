import type { BotFeature } from '../feature';

export const tabFeature: BotFeature = { name: 'tab' };
