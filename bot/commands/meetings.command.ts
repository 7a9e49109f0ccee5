import { comingSoon } from './coming-soon';

export const meetingsCommand = comingSoon('meetings', ['møder', 'møde', 'meetings', 'meeting']);
