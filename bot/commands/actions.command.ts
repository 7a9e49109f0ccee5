import { comingSoon } from './coming-soon';

export const actionsCommand = comingSoon('actions', ['handlinger', 'handling', 'actions']);
