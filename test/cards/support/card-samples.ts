import type { CardSample } from './sample';
import { actionItemsSamples } from './samples/action-items.samples';
import { agendasSamples } from './samples/agendas.samples';
import { coreSamples } from './samples/core.samples';
import { escalationsSamples } from './samples/escalations.samples';
import { meetingsSamples } from './samples/meetings.samples';
import { pictureSamples } from './samples/picture.samples';
import { pictureCommentarySamples } from './samples/picture-commentary.samples';
import { planSamples } from './samples/plan.samples';
import { privacySamples } from './samples/privacy.samples';
import { registrySamples } from './samples/registry.samples';
import { remindersSamples } from './samples/reminders.samples';

/**
 * Every card builder in cards/*.card.ts with representative data, in one list. The render test
 * builds each sample in Danish and English and checks it with the `adaptivecards` library and the
 * 1.5 schema; it fails when a builder has no sample.
 *
 * To add a card: in test/cards/support/samples/<feature>.samples.ts (create it if needed and add
 * its list below) add `sample(yourCard, (lang) => ({ 'variant name': yourCard(texts[lang].…, view) }))`
 * with the bot's real texts for `lang` (bot/i18n or bot/<feature>/<feature>.texts.ts) and one
 * variant per shape the card takes: empty list, full list, with and without buttons, and the
 * largest realistic content (that one also proves the card stays under 80 KB).
 */
export const cardSamples: readonly CardSample[] = [...coreSamples, ...registrySamples, ...remindersSamples, ...escalationsSamples, ...agendasSamples, ...actionItemsSamples, ...meetingsSamples, ...planSamples, ...pictureSamples, ...pictureCommentarySamples, ...privacySamples];

/**
 * Exported functions of cards/*.card.ts that are not card builders (ids, helpers, partial blocks).
 * Builders are named `…Card`; any other exported function must be listed here with the reason, so
 * a builder with an unusual name cannot slip past the test.
 */
export const NOT_BUILDERS: Readonly<Record<string, string>> = {
  'agenda.card.ts#agendaItemBlocks': 'elements shared by agendaCard and agendaEditorCard, covered through them',
  'agenda-editor.card.ts#itemFieldId': 'input id helper',
  'circulation-input.card.ts#inputFieldId': 'input id helper',
  'circulation-input.card.ts#typedTexts': 'reads submitted data',
  'member-form.card.ts#rolesChoices': 'choice list helper, covered through memberFormCard',
  'escalation-deadlines.card.ts#deadlineInput': 'input id helper',
  'action-follow-up.card.ts#carryInput': 'input helper',
  'action-record.card.ts#rowInputs': 'input helper',
};
