import { actionItemsErrors } from '../action-items/action-items.errors';
import { agendasErrors } from '../agendas/agendas.errors';
import { escalationsErrors } from '../escalations/escalations.errors';
import { meetingsErrors } from '../meetings/meetings.errors';
import { pictureErrors } from '../picture/picture.errors';
import { privacyErrors } from '../privacy/privacy.errors';
import { planErrors } from '../plan/plan.errors';
import { registryErrors } from '../registry/registry.errors';
import { remindersErrors } from '../reminders/reminders.errors';
import { tabErrors } from '../tab/tab.errors';
import type { FeatureErrorTexts } from './feature-error-texts';

/** Every feature's error texts; `errorText` looks here after the shared codes. */
export const featureErrors: readonly FeatureErrorTexts[] = [registryErrors, meetingsErrors, remindersErrors, agendasErrors, tabErrors, actionItemsErrors, escalationsErrors, planErrors, pictureErrors, privacyErrors];
