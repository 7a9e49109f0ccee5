import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { startAzurite, type RunningAzurite } from '../../storage/azurite';
import { createStorage } from '../../storage/index';
import { aForum, aMember, anAgenda, anEscalation } from './storage.mothers';

describe('persistence', () => {
  let folder: string | undefined;
  let running: RunningAzurite | undefined;
  afterAll(async () => {
    await running?.stop();
    if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  });

  test('given data written to an Azurite with a data folder when it restarts on that folder then everything reads back', async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'forumbot-azurite-'));
    running = await startAzurite({ location: folder });
    const before = createStorage(running.connectionString, { tablePrefix: 'persist' });
    const forum = await before.fora.save(aForum({ id: 'Kredsråd/Vestegn', name: 'Kredsråd' }));
    const member = aMember({ roles: ['chair'] });
    await before.members.save(forum.id, member);
    const agenda = await before.agendas.save(anAgenda(forum.id));
    const { escalation, firstStep } = anEscalation(forum.id);
    const raised = await before.escalations.create(escalation, firstStep);
    await running.stop();
    running = undefined;

    running = await startAzurite({ location: folder });
    const after = createStorage(running.connectionString, { tablePrefix: 'persist' });
    expect(await after.fora.findById(forum.id)).toEqual(forum);
    expect(await after.members.listMembershipsOfUser(member.userId)).toEqual([{ forumId: forum.id, roles: ['chair'] }]);
    expect(await after.agendas.findById(forum.id, agenda.id)).toEqual(agenda);
    expect(await after.escalations.findById(escalation.id)).toEqual(raised);
    expect(await after.escalations.history(escalation.id)).toEqual([firstStep]);
  });
});
