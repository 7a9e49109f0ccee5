import { comingSoon } from './coming-soon';

export const agendaCommand = comingSoon('agenda', ['dagsorden', 'dagsordener', 'agenda']);
