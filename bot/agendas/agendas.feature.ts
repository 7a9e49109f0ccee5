import type { BotFeature } from '../feature';

export const agendasFeature: BotFeature = { name: 'agendas' };
