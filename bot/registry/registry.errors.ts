import type { FeatureErrorTexts } from '../i18n/feature-error-texts';

/** Texts for the error codes only this feature raises (the shared ones are in bot/i18n). */
export const registryErrors: FeatureErrorTexts = { da: {}, en: {} };
