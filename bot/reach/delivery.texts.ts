import type { UndeliverableReason } from '../../domain/outbox/outbox-message';
import type { DeliveryState, DeliverySummary } from '../../domain/reach/delivery-summary';
import type { Lang } from '../i18n';
import { describeDelivery } from '../outbox/outbox-status.text';

/**
 * Fan-outs in words, Danish first: a headline that counts what was delivered (never what was
 * queued), and for each person not reached why and what to do. The one place delivery states of
 * people become sentences; the outbox's own wording (`describeDelivery`) is reused where it fits.
 */
export interface Noun {
  one: string;
  many: string;
}

export const NOUNS: Record<'consultants' | 'recipients' | 'managers' | 'owners' | 'approvers', Record<Lang, Noun>> = {
  consultants: { da: { one: 'konsulent', many: 'konsulenter' }, en: { one: 'consultant', many: 'consultants' } },
  recipients: { da: { one: 'modtager', many: 'modtagere' }, en: { one: 'recipient', many: 'recipients' } },
  managers: { da: { one: 'leder', many: 'ledere' }, en: { one: 'manager', many: 'managers' } },
  owners: { da: { one: 'ansvarlig', many: 'ansvarlige' }, en: { one: 'owner', many: 'owners' } },
  approvers: { da: { one: 'godkender', many: 'godkendere' }, en: { one: 'approver', many: 'approvers' } },
};

const nounFor = (noun: Noun, count: number): string => (count === 1 ? noun.one : noun.many);

/** "Sendt til 1 af 3 konsulenter; 2 kan ikke nås endnu" — each part only when it is not zero. */
export function deliveryHeadline(lang: Lang, summary: Pick<DeliverySummary, 'total' | 'counts'>, noun: Noun): string {
  const { total, counts } = summary;
  const parts: string[] = [];
  if (lang === 'da') {
    parts.push(`Sendt til ${counts.delivered} af ${total} ${nounFor(noun, total)}`);
    if (counts.onTheWay > 0) parts.push(`${counts.onTheWay} på vej`);
    if (counts.notReachable > 0) parts.push(`${counts.notReachable} kan ikke nås endnu`);
    if (counts.inDoubt > 0) parts.push(`${counts.inDoubt} måske leveret`);
    if (counts.failed > 0) parts.push(`${counts.failed} kunne ikke leveres`);
  } else {
    parts.push(`Sent to ${counts.delivered} of ${total} ${nounFor(noun, total)}`);
    if (counts.onTheWay > 0) parts.push(`${counts.onTheWay} on the way`);
    if (counts.notReachable > 0) parts.push(`${counts.notReachable} cannot be reached yet`);
    if (counts.inDoubt > 0) parts.push(`${counts.inDoubt} possibly delivered`);
    if (counts.failed > 0) parts.push(`${counts.failed} could not be delivered`);
  }
  return `${parts.join('; ')}.`;
}

/** Where a person opens Forumbot; the Teams deep link when the app id is known. */
const openHint = (lang: Lang, appLink: string | undefined): string =>
  appLink === undefined ? (lang === 'da' ? 'Forumbot i Teams (Apps → Forumbot)' : 'Forumbot in Teams (Apps → Forumbot)') : `[Forumbot i Teams](${appLink})`;

/** Why one person was not reached and what to do about it. */
export function explainDelivery(lang: Lang, name: string, state: DeliveryState, reason: UndeliverableReason | undefined, appLink?: string): string {
  if (state === 'onTheWay') return lang === 'da' ? 'på vej' : 'on the way';
  if (state === 'delivered' || state === 'inDoubt') return describeDelivery({ status: state === 'delivered' ? 'sent' : 'inDoubt' }, lang);
  const open = openHint(lang, appLink);
  switch (reason) {
    case 'UnknownRecipient':
    case 'NotInstalled':
      return lang === 'da'
        ? `${name} har ikke Forumbot endnu. Bed ${name} åbne ${open}, eller bed IT installere appen for SSP-medarbejderne. Kortet kommer af sig selv, når det er sket.`
        : `${name} does not have Forumbot yet. Ask ${name} to open ${open}, or ask IT to install the app for the SSP staff. The card follows by itself once that is done.`;
    case 'InstallNotAllowed':
      return lang === 'da'
        ? `Forumbot må ikke installere sig for ${name}: IT skal give samtykke til tilladelsen TeamsAppInstallation.ReadWriteSelfForUser.All eller installere appen for SSP-medarbejderne.`
        : `Forumbot may not install itself for ${name}: IT must consent to the TeamsAppInstallation.ReadWriteSelfForUser.All permission or install the app for the SSP staff.`;
    case 'UserNotFound':
      return lang === 'da' ? `${name} findes ikke i kommunens Microsoft 365. Tjek personen på forummets medlemsliste.` : `${name} is not in the municipality's Microsoft 365. Check the person on the forum's member list.`;
    case 'MessageWritesBlocked':
    case 'ConversationNotFound':
      return lang === 'da'
        ? `${describeDelivery({ status: 'undeliverable', reason }, lang)}. Bed ${name} åbne ${open} igen; send derefter igen.`
        : `${describeDelivery({ status: 'undeliverable', reason }, lang)}. Ask ${name} to open ${open} again, then send again.`;
    default:
      return describeDelivery({ status: 'undeliverable', ...(reason === undefined ? {} : { reason }) }, lang);
  }
}

export const deliveryTexts = {
  da: { problemsHeading: 'Ikke nået endnu', andMore: (count: number) => `… og ${count} mere`, resend: 'Send igen til dem, der ikke er nået', channelFailed: (where: string, why: string) => `Opslaget i ${where} blev ikke leveret: ${why}` },
  en: { problemsHeading: 'Not reached yet', andMore: (count: number) => `… and ${count} more`, resend: 'Send again to those not reached', channelFailed: (where: string, why: string) => `The post in ${where} was not delivered: ${why}` },
} as const;
