import type { BotFeature } from '../core/feature';
import { agendaEditorActions } from './agenda-editor.actions';
import { agendaCommand } from './agenda.command';
import { agendaJobs } from './agendas.jobs';
import { briefingRoutes } from './briefing.routes';
import { circulationActions } from './circulation.actions';

/** Agendas, their circulation to the SSP consultants for input, and the briefing. */
export const agendasFeature: BotFeature = {
  name: 'agendas',
  commands: [agendaCommand],
  actions: [...agendaEditorActions, ...circulationActions],
  routes: briefingRoutes,
  jobs: agendaJobs,
};
