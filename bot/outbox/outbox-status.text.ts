import type { OutboxMessage, UndeliverableReason } from '../../domain/outbox/outbox-message';

/**
 * What a person who caused a send reads about it, Danish first. The one place outbox states become
 * words (the domain keeps codes).
 */
type Locale = 'da' | 'en';

const REASONS: Record<UndeliverableReason, Record<Locale, string>> = {
  MessageWritesBlocked: { da: 'modtageren har blokeret eller fjernet Forumbot', en: 'the recipient blocked or removed Forumbot' },
  ConversationNotFound: { da: 'samtalen findes ikke længere', en: 'the conversation no longer exists' },
  NotInstalled: { da: 'Forumbot er ikke installeret hos modtageren', en: 'Forumbot is not installed for the recipient' },
  UnknownRecipient: { da: 'Forumbot kender ikke modtageren endnu', en: 'Forumbot does not know the recipient yet' },
  MessageSizeTooBig: { da: 'beskeden er for stor til Teams', en: 'the message is too large for Teams' },
  Rejected: { da: 'Teams afviste beskeden', en: 'Teams refused the message' },
  RetriesExhausted: { da: 'Teams svarede ikke efter flere forsøg', en: 'Teams did not answer after several attempts' },
  InstallNotAllowed: { da: 'Forumbot må ikke installere sig for modtageren (IT mangler at give samtykke)', en: 'Forumbot may not install itself for the recipient (IT has not consented)' },
  UserNotFound: { da: 'modtageren findes ikke i kommunens Microsoft 365', en: "the recipient is not in the municipality's Microsoft 365" },
};

export function describeDelivery(message: Pick<OutboxMessage, 'status' | 'reason'>, locale: Locale = 'da'): string {
  switch (message.status) {
    case 'pending':
    case 'sending':
      return locale === 'da' ? 'Venter på at blive sendt' : 'Waiting to be sent';
    case 'sent':
      return locale === 'da' ? 'Leveret' : 'Delivered';
    case 'inDoubt':
      return locale === 'da'
        ? 'Måske leveret: forbindelsen til Teams blev afbrudt under afsendelsen. Spørg modtageren, før du sender igen.'
        : 'Possibly delivered: the connection to Teams broke during sending. Ask the recipient before sending again.';
    case 'undeliverable': {
      const reason = message.reason === undefined ? undefined : REASONS[message.reason][locale];
      return locale === 'da' ? `Ikke leveret${reason === undefined ? '' : `: ${reason}`}` : `Not delivered${reason === undefined ? '' : `: ${reason}`}`;
    }
  }
}

/** Why a message did not (surely) arrive, as a clause for "… nåede ikke kanalen: <why>". */
export function whyNotDelivered(message: Pick<OutboxMessage, 'status' | 'reason'>, locale: Locale = 'da'): string {
  if (message.status === 'inDoubt') return locale === 'da' ? 'forbindelsen til Teams blev afbrudt under afsendelsen, så den er måske leveret' : 'the connection to Teams broke during sending, so it may have been delivered';
  if (message.reason !== undefined) return REASONS[message.reason][locale];
  return locale === 'da' ? 'Teams tog ikke imod den' : 'Teams did not accept it';
}
