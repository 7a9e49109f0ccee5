import { da } from './da';
import { en } from './en';
import { isErrorCode } from './error-codes';
import { featureErrors } from './feature-errors';
import type { ErrorContext, Messages } from './messages';
import type { Lang } from './lang';

export type { Messages } from './messages';
export { pickLang, type Lang } from './lang';

const dictionaries: Record<Lang, Messages> = { da, en };

export const messagesFor = (lang: Lang): Messages => dictionaries[lang];

/** The one place an error code becomes words for the user. */
export function errorText(t: Messages, code: string, context: ErrorContext = {}): string {
  if (isErrorCode(code)) return t.errors[code](context);
  const text = featureErrors.find((texts) => Object.hasOwn(texts[t.lang], code))?.[t.lang][code];
  return text === undefined ? t.unknownError : text(context);
}
