import { REMINDER_SETTINGS_VERBS, ReminderSettingsSaveData, ReminderSettingsShowData, reminderSettingsCard } from '../../cards/reminder-settings.card';
import type { Forum } from '../../domain/fora/forum';
import { canScheduleMeetings } from '../../domain/fora/forum.rules';
import { checkReminderSettings, REMINDER_LIMITS, settingsOf, type ReminderSettings } from '../../domain/reminders/reminder-settings';
import { assertAllowed, DomainError } from '../../domain/shared/domain-error';
import { forumAccess } from '../core/access';
import { cardAction, type ActionInput } from '../core/card-action';
import { formAction, type FormSpec } from '../core/form-action';
import { readWholeNumbers } from '../../domain/shared/field-problems';
import { remindersTexts } from './reminders.texts';
import { audit } from '../core/audit';
import { remindersChanged } from './reminder.job';
import { requireForum } from '../core/require-forum';

/** The forum, if the actor (from the activity, never the card) is its chair or secretary. */
async function forumForKeeper({ info, services }: ActionInput, forumId: string): Promise<{ forum: Forum; actorId: string }> {
  if (info.actor === undefined) throw new DomainError('BOT.USER_UNKNOWN');
  const forum = await requireForum(services, forumId);
  assertAllowed(canScheduleMeetings(await services.members.find(forum.id, info.actor.userId)));
  return { forum, actorId: info.actor.userId };
}

const cardFor = (input: ActionInput, forum: Forum, saved = false) =>
  reminderSettingsCard(remindersTexts[input.t.lang].settings, {
    forumId: forum.id,
    forumName: forum.name,
    settings: settingsOf(forum),
    limits: REMINDER_LIMITS,
    saved,
  });

/** `reminders.settings.show`: the forum's reminder settings, for its chair or secretary. */
export const reminderSettingsShowAction = cardAction(REMINDER_SETTINGS_VERBS.show, ReminderSettingsShowData, forumAccess('editor'), async (input, data) => {
  const { forum } = await forumForKeeper(input, data.forumId);
  return cardFor(input, forum);
});

/** The settings card as stored; `formAction` puts back what was typed and marks the wrong number. */
const settingsForm: FormSpec<ReminderSettingsSaveData> = {
  render: async (input, data) => cardFor(input, await requireForum(input.services, data.forumId)),
};

/** `reminders.settings.save`: checks each number and its range, stores the settings on the forum and audits the change. */
export const reminderSettingsSaveAction = formAction(REMINDER_SETTINGS_VERBS.save, ReminderSettingsSaveData, forumAccess('editor'), settingsForm, async (input, data) => {
  const { forum, actorId } = await forumForKeeper(input, data.forumId);
  const numbers = readWholeNumbers(data, REMINDER_LIMITS);
  const settings: ReminderSettings = {
    agendaDeadlineEnabled: data.agendaDeadlineEnabled,
    memberReminderEnabled: data.memberReminderEnabled,
    followUpEnabled: data.followUpEnabled,
    ...numbers,
  };
  assertAllowed(checkReminderSettings(settings));
  const before = settingsOf(forum);
  const updated = await input.services.fora.update(forum.id, (current) => ({ ...current, reminders: settings }));
  await audit(input.services, { forumId: forum.id, actorId, action: 'forum.reminders.changed', subject: forum.name, before: before, after: settings });
  await remindersChanged(input.services, forum.id);
  return cardFor(input, updated, true);
});
