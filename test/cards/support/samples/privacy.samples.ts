import { privacyTexts } from '../../../../bot/privacy/privacy.texts';
import { leaveConfirmCard, leaveDoneCard, personDataCard, privacyRequestCard } from '../../../../cards/privacy.card';
import { sample, type CardSample } from '../sample';

const link = 'https://forumbot.ishoj.dk/privacy/people/3f2504e0-4f89-11d3-9a0c-0305e82c3301/data.json?u=a&exp=1&k=k1&sig=x';

/** Privacy: the administrator's access-request form and the result with its two downloads. */
export const privacySamples: readonly CardSample[] = [
  sample(privacyRequestCard, (lang) => ({ form: privacyRequestCard(privacyTexts[lang].card) })),
  sample(personDataCard, (lang) => ({
    'nothing but a membership': personDataCard(privacyTexts[lang].card, { person: 'Søren Ærø', jsonUrl: link, csvUrl: link, validUntil: '14.30', counts: { memberships: 1, inputs: 0, actionItems: 0, cases: 0, audit: 0, deliveries: 0 } }),
    'a long-serving consultant': personDataCard(privacyTexts[lang].card, { person: 'Konsulent *Åse* [Ærø](x)', jsonUrl: link, csvUrl: link, validUntil: '14.30', counts: { memberships: 6, inputs: 420, actionItems: 37, cases: 12, audit: 1900, deliveries: 2300 } }),
  })),
  sample(leaveConfirmCard, (lang) => ({ confirm: leaveConfirmCard(privacyTexts[lang].card, { userId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', person: 'Søren Ærø' }) })),
  sample(leaveDoneCard, (lang) => ({ done: leaveDoneCard(privacyTexts[lang].card, { pseudonym: 'Tidligere medlem 0K3F9A2', fora: 3, reassigned: 4, blocked: 1, renamed: 17, erased: 2 }) })),
];
