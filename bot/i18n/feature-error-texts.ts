import type { Lang } from './lang';
import type { ErrorContext } from './messages';

/** A feature's own error codes and their texts, in both languages (a test checks both have each code). */
export type FeatureErrorTexts = Record<Lang, Readonly<Record<string, (context: ErrorContext) => string>>>;
