import { da } from './da';
import { en } from './en';
import { isErrorCode } from './error-codes';
import type { ErrorContext, Messages } from './messages';
import type { Lang } from './lang';

export type { Messages } from './messages';
export { pickLang, type Lang } from './lang';

const dictionaries: Record<Lang, Messages> = { da, en };

export const messagesFor = (lang: Lang): Messages => dictionaries[lang];

/** The one place an error code becomes words for the user. */
export function errorText(t: Messages, code: string, context: ErrorContext = {}): string {
  return isErrorCode(code) ? t.errors[code](context) : t.unknownError;
}
