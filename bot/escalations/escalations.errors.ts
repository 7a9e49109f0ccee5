import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

type Context = Readonly<Record<string, unknown>>;

// Names of the settings card's fields, for a refusal that says which value to correct.
const DEADLINE_WORDS = {
  da: {
    urgency: { high: 'høj hastegrad', normal: 'normal hastegrad', low: 'lav hastegrad' } as Record<string, string>,
    field: { remindAfterHours: 'Påmindelsen', escalateAfterHours: 'Fristen for at sende sagen videre' } as Record<string, string>,
  },
  en: {
    urgency: { high: 'high urgency', normal: 'normal urgency', low: 'low urgency' } as Record<string, string>,
    field: { remindAfterHours: 'The reminder', escalateAfterHours: 'The deadline for sending the case on' } as Record<string, string>,
  },
};

const word = (lang: 'da' | 'en', kind: 'urgency' | 'field', value: unknown, fallback: string): string =>
  typeof value === 'string' ? (DEADLINE_WORDS[lang][kind][value] ?? fallback) : fallback;
const num = (value: unknown): string => (typeof value === 'number' ? String(value) : '?');

/** Texts for the error codes only escalations raise (the state machine's codes are shared, in bot/i18n). */
export const escalationsErrors: FeatureErrorTexts = {
  da: {
    'ESCALATION.NOT_FOUND': () => 'Sagen findes ikke længere.',
    'ESCALATION.NOT_SENSITIVE': () => 'Sagen kommer ikke fra et lukket forum; beskrivelsen er allerede synlig.',
    'ESCALATION.ALREADY_SHARED': () => 'Beskrivelsen er allerede delt med forummet ovenover.',
    'ESCALATION.NO_MEETING': (c) => `${String(c['forum'] ?? 'Forummet')} har intet kommende møde at sætte sagen på. Planlæg et møde først.`,
    'ESCALATION.DEADLINE_OUT_OF_RANGE': (c: Context) =>
      `${word('da', 'field', c['field'], 'En af tiderne')} for ${word('da', 'urgency', c['urgency'], 'en af hastegraderne')} skal være mellem ${num(c['min'])} og ${num(c['max'])} timer. Ret den og gem igen; intet er gemt.`,
    'ESCALATION.DEADLINE_ORDER': (c: Context) =>
      `For ${word('da', 'urgency', c['urgency'], 'en af hastegraderne')} skal påmindelsen komme før sagen sendes videre (nu ${num(c['remind'])} og ${num(c['escalate'])} timer). Ret det og gem igen; intet er gemt.`,
    'ESCALATION.DEADLINE_INVALID': () => 'Fristerne kunne ikke læses. Ret dem og gem igen; intet er gemt.',
    'ESCALATION.AREA_UNKNOWN': () => 'Området findes ikke i kommunens liste. Vælg et område fra listen, eller lad feltet stå tomt.',
  },
  en: {
    'ESCALATION.NOT_FOUND': () => 'The case no longer exists.',
    'ESCALATION.NOT_SENSITIVE': () => 'The case does not come from a closed forum; its description is already visible.',
    'ESCALATION.ALREADY_SHARED': () => 'The description has already been shared with the forum above.',
    'ESCALATION.NO_MEETING': (c) => `${String(c['forum'] ?? 'The forum')} has no upcoming meeting to put the case on. Schedule a meeting first.`,
    'ESCALATION.DEADLINE_OUT_OF_RANGE': (c: Context) =>
      `${word('en', 'field', c['field'], 'One of the times')} for ${word('en', 'urgency', c['urgency'], 'one of the urgencies')} must be between ${num(c['min'])} and ${num(c['max'])} hours. Correct it and save again; nothing was saved.`,
    'ESCALATION.DEADLINE_ORDER': (c: Context) =>
      `For ${word('en', 'urgency', c['urgency'], 'one of the urgencies')} the reminder must come before the case is sent on (now ${num(c['remind'])} and ${num(c['escalate'])} hours). Correct it and save again; nothing was saved.`,
    'ESCALATION.DEADLINE_INVALID': () => 'The deadlines could not be read. Correct them and save again; nothing was saved.',
    'ESCALATION.AREA_UNKNOWN': () => "The area is not on the municipality's list. Choose an area from the list, or leave the field empty.",
  },
};
