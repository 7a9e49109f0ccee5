import { describe, expect, test } from 'vitest';
import { deliveryHeadline, explainDelivery, NOUNS } from '../../bot/reach/delivery.texts';
import { summarizeDeliveries } from '../../domain/reach/delivery-summary';
import type { OutboxMessage } from '../../domain/outbox/outbox-message';

const message = (userId: string, status: OutboxMessage['status'], reason?: OutboxMessage['reason']) => ({
  id: `k:${userId}`,
  recipient: { kind: 'user' as const, userId },
  status,
  enqueuedAt: '2026-12-03T09:00:00.000Z',
  ...(reason === undefined ? {} : { reason }),
});

describe('fan-outs in words', () => {
  test('given 1 of 3 delivered and 2 without the app then "Sendt til 1 af 3 konsulenter; 2 kan ikke nås endnu", never "sendt til 3"', () => {
    const summary = summarizeDeliveries(['a', 'b', 'c'], [message('a', 'sent'), message('b', 'undeliverable', 'UnknownRecipient'), message('c', 'undeliverable', 'NotInstalled')]);
    const headline = deliveryHeadline('da', summary, NOUNS.consultants.da);
    expect(headline).toBe('Sendt til 1 af 3 konsulenter; 2 kan ikke nås endnu.');
    expect(headline).not.toMatch(/sendt til 3\b/i);
    expect(deliveryHeadline('en', summary, NOUNS.consultants.en)).toBe('Sent to 1 of 3 consultants; 2 cannot be reached yet.');
  });

  test('given every state then each is counted in its own part', () => {
    const summary = summarizeDeliveries(['a', 'b', 'c', 'd', 'e'], [message('a', 'sent'), message('b', 'pending'), message('c', 'inDoubt'), message('d', 'undeliverable', 'MessageSizeTooBig'), message('e', 'undeliverable', 'InstallNotAllowed')]);
    expect(deliveryHeadline('da', summary, NOUNS.recipients.da)).toBe('Sendt til 1 af 5 modtagere; 1 på vej; 1 kan ikke nås endnu; 1 måske leveret; 1 kunne ikke leveres.');
  });

  test('given a person without the app then the explanation names them, says what to do and links Forumbot when the link is known', () => {
    const text = explainDelivery('da', 'Jonas Berg', 'notReachable', 'UnknownRecipient', 'https://teams.microsoft.com/l/app/abc');
    expect(text).toContain('Jonas Berg har ikke Forumbot endnu');
    expect(text).toContain('bed IT installere appen for SSP-medarbejderne');
    expect(text).toContain('(https://teams.microsoft.com/l/app/abc)');
    expect(explainDelivery('da', 'Jonas Berg', 'notReachable', 'InstallNotAllowed')).toContain('TeamsAppInstallation.ReadWriteSelfForUser.All');
    expect(explainDelivery('da', 'X', 'inDoubt', undefined)).toMatch(/^Måske leveret/);
    expect(explainDelivery('da', 'X', 'failed', 'MessageSizeTooBig')).toBe('Ikke leveret: beskeden er for stor til Teams');
  });
});
