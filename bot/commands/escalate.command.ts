import { comingSoon } from './coming-soon';

export const escalateCommand = comingSoon('escalate', ['eskaler', 'escalate']);
