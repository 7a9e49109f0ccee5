import type { CardLang } from '../../cards/card-kit';
import type { Config } from '../config';

export type Lang = CardLang;

/** Danish unless the activity says English (or the bot is configured English and Teams says nothing). */
export function pickLang(activityLocale: string | undefined, defaultLocale: Config['locale']): Lang {
  const locale = activityLocale?.trim().toLowerCase() ?? '';
  if (locale.startsWith('en')) return 'en';
  if (locale.startsWith('da')) return 'da';
  return defaultLocale.startsWith('en') ? 'en' : 'da';
}
