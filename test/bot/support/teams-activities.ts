import { randomUUID } from 'node:crypto';

/**
 * Object mothers for Bot Framework activities shaped as Teams sends them: `msteams` channel, the
 * tenant in channelData, the person's Entra id in `from.aadObjectId`, the bot as recipient, and in
 * channels the team, the channel and the @mention entity.
 */
export const TENANT_ID = '5f1c9a9e-1b6a-4c0e-9a55-1a2b3c4d5e6f';
export const BOT = { id: '28:6a1c2f8e-0b7d-4e43-9d2a-3f4b5c6d7e8f', name: 'Forumbot' };

export interface Person {
  aadObjectId: string;
  teamsId: string;
  name: string;
}

export const aPerson = (name = 'Mette Sørensen'): Person => ({
  aadObjectId: randomUUID(),
  teamsId: `29:1${randomUUID().replaceAll('-', '')}`,
  name,
});

export interface Channel {
  kind: 'channel';
  conversationId: string;
  teamId: string;
  channelName: string;
}
export type Where = { kind: 'personal'; conversationId: string } | { kind: 'groupChat'; conversationId: string } | Channel;

export const aPersonalChat = (): Where => ({ kind: 'personal', conversationId: `a:1${randomUUID().replaceAll('-', '')}` });
export const aGroupChat = (): Where => ({ kind: 'groupChat', conversationId: `19:${randomUUID().replaceAll('-', '')}@thread.v2` });
export const aChannel = (channelName = 'Koordination'): Channel => {
  const id = `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`;
  return { kind: 'channel', conversationId: id, teamId: `19:${randomUUID().replaceAll('-', '')}@thread.tacv2`, channelName };
};

type Activity = Record<string, unknown>;

function envelope(serviceUrl: string, where: Where, from: Person | typeof BOT, locale: string): Activity {
  const channelData: Record<string, unknown> = { tenant: { id: TENANT_ID } };
  if (where.kind === 'channel') {
    channelData['team'] = { id: where.teamId, name: 'SSP Ishøj' };
    channelData['channel'] = { id: where.conversationId, name: where.channelName };
  }
  const fromAccount = 'aadObjectId' in from ? { id: from.teamsId, name: from.name, aadObjectId: from.aadObjectId } : { id: from.id, name: from.name };
  return {
    id: `f:${randomUUID()}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    locale,
    from: fromAccount,
    recipient: BOT,
    conversation: {
      id: where.conversationId,
      conversationType: where.kind,
      tenantId: TENANT_ID,
      ...(where.kind === 'personal' ? {} : { isGroup: true }),
    },
    channelData,
  };
}

export interface MessageOptions {
  locale?: string;
  /** Put `<at>Forumbot</at>` before the text with its mention entity (as Teams does in channels). */
  mention?: boolean;
}

export function aMessage(serviceUrl: string, where: Where, from: Person, text: string, options: MessageOptions = {}): Activity {
  const base = envelope(serviceUrl, where, from, options.locale ?? 'da-DK');
  const mentionText = `<at>${BOT.name}</at>`;
  // In a channel the message starts a thread: the conversation id carries the thread's message id.
  const conversation = base['conversation'] as Record<string, unknown>;
  if (where.kind === 'channel') conversation['id'] = `${where.conversationId};messageid=${Date.now()}`;
  return {
    ...base,
    type: 'message',
    textFormat: 'plain',
    text: options.mention === true ? `${mentionText} ${text}` : text,
    entities: [
      ...(options.mention === true ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }] : []),
      { type: 'clientInfo', locale: options.locale ?? 'da-DK', country: 'DK', platform: 'Web' },
    ],
  };
}

/** The app added: conversationUpdate with the bot among the members added (team, group or personal). */
export function botAdded(serviceUrl: string, where: Where, by: Person, locale = 'da-DK'): Activity {
  const base = envelope(serviceUrl, where, by, locale);
  const channelData = base['channelData'] as Record<string, unknown>;
  if (where.kind === 'channel') channelData['eventType'] = 'teamMemberAdded';
  return { ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}

export function botRemoved(serviceUrl: string, where: Where, by: Person): Activity {
  const base = envelope(serviceUrl, where, by, 'da-DK');
  const channelData = base['channelData'] as Record<string, unknown>;
  if (where.kind === 'channel') channelData['eventType'] = 'teamMemberRemoved';
  return { ...base, type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] };
}

export function installationUpdate(serviceUrl: string, where: Where, by: Person, action: 'add' | 'remove' | 'add-upgrade', locale = 'da-DK'): Activity {
  return { ...envelope(serviceUrl, where, by, locale), type: 'installationUpdate', action };
}

/** A click on an `Action.Execute` button: invoke `adaptiveCard/action` with the verb and data. */
export function cardAction(serviceUrl: string, where: Where, from: Person, verb: string, data: unknown, locale = 'da-DK'): Activity {
  return {
    ...envelope(serviceUrl, where, from, locale),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `1:${randomUUID()}`,
    value: { action: { type: 'Action.Execute', id: randomUUID(), verb, data }, trigger: 'manual' },
  };
}
