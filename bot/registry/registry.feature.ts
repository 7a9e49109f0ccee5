import type { BotFeature } from '../feature';

export const registryFeature: BotFeature = { name: 'registry' };
