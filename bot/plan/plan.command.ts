import { command } from '../core/command';
import { planCardFor } from './plan-view';
import { planTexts } from './plan.texts';

/**
 * `handlingsplan` (`actionplan`, `plan`): the plan. Its writers (consultants and chair of the owning
 * forum) get the draft with their buttons; everyone else the published plan, sealed initiatives
 * shown only to their forum's members.
 */
export const planCommand = command({
  name: 'plan',
  words: ['handlingsplan', 'actionplan', 'plan'],
  access: { kind: 'anyone', why: 'the published plan is the municipality\'s; what each person sees is filtered by the seal' },
  run: async ({ t, actor, services }) => {
    const lang = t.lang;
    return { card: await planCardFor(services, lang, { userId: actor.userId }), summary: planTexts[lang].summaries.plan };
  },
});
