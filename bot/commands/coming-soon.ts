import type { ComingFeature } from '../i18n/messages';
import type { Command } from './command';

/** A command whose feature lands in a later issue; that issue replaces the file with the real one. */
export const comingSoon = (name: ComingFeature, words: readonly string[]): Command => ({
  name,
  words,
  run: async ({ t }) => ({ text: t.replies.comingSoon(t.replies.features[name]) }),
});
