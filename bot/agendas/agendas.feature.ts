import type { BotFeature } from '../feature';
import { agendaEditorActions } from './agenda-editor.actions';
import { agendaJobs } from './agendas.jobs';
import { briefingRoutes } from './briefing.routes';
import { circulationActions } from './circulation.actions';

/** Agendas, their circulation to the SSP consultants for input, and the briefing. */
export const agendasFeature: BotFeature = {
  name: 'agendas',
  actions: [...agendaEditorActions, ...circulationActions],
  routes: briefingRoutes,
  jobs: agendaJobs,
};
