import { describe, expect, test } from 'vitest';
import { createStorage } from '../../../storage/index';
import { aForum, aMember, anActionItem } from '../../storage/storage.mothers';
import { useRunningBot } from '../support/bot-harness';
import { sayTo } from '../support/conversation';
import { aChannel, aPerson, TENANT_ID } from '../support/teams-activities';

/**
 * A command in a channel starts from the forum this process keeps as linked there, and reads the
 * membership beside asking storage; what it may do is decided by the forum storage confirms. A
 * channel relinked by another instance is never answered for the forum it was linked to before.
 */
const running = useRunningBot();

describe('the forum linked to a channel', () => {
  test('given the channel relinked to another forum on another instance then the next command answers for the new forum only', async () => {
    const { storage } = running.storage;
    const other = createStorage(running.storage.connectionString, { tablePrefix: running.storage.prefix }); // another instance's storage
    const channel = aChannel('Fælles kanal');
    const teams = { conversationId: channel.conversationId, serviceUrl: running.emulator.serviceUrl, tenantId: TENANT_ID };
    const sealed = await storage.fora.save(aForum({ name: 'Fortroligt forum', sensitive: true, teams }));
    const open = await storage.fora.save(aForum({ name: 'Åbent forum' }));
    const insider = aPerson('Kun i det fortrolige');
    await storage.members.save(sealed.id, aMember({ userId: insider.aadObjectId, displayName: insider.name, roles: ['member'] }));
    await storage.actionItems.save(anActionItem(sealed.id, { title: 'Fortrolig opgave' }));

    const before = await sayTo(running, channel, insider, 'handlinger');
    expect(String(before['summary'])).toBe('Handlinger i Fortroligt forum');

    // Another instance moves the channel to the open forum, where the insider is no member.
    await other.fora.update(sealed.id, (f) => ({ ...f, teams: undefined }));
    await other.fora.update(open.id, (f) => ({ ...f, teams }));
    const after = await sayTo(running, channel, insider, 'handlinger');
    expect(JSON.stringify(after)).not.toContain('Fortrolig');
    expect(String(after['summary'])).not.toBe('Handlinger i Fortroligt forum');
  });
});
