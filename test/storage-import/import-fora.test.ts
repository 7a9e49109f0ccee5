import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForaFileError, importForaFile, ISHOEJ_FORA_FILE } from '../../bot/seed';
import { applyForaImport, planForaImport, type ForaImportPlan } from '../../domain/fora/import-fora';
import { findPictureDesk } from '../../domain/picture/analyst';
import type { Storage } from '../../storage/index';
import { openTestStorage } from '../storage/storage-kit';

const ISHOEJ_IDS = ['kredsraad', 'lokalraad', 'chefforum', 'koordinationsgruppen', 'ssp-nu-u18', 'ssp-nu-o18', 'infohus', 'ssp-netvaerk'];
// Each import runs at its own time, so "newest audit event first" is well defined.
const clockAt = (iso: string) => ({ now: () => new Date(iso) });

async function ishoejJson(): Promise<{ municipality: string; fora: Record<string, unknown>[] }> {
  return JSON.parse(await readFile(ISHOEJ_FORA_FILE, 'utf8'));
}

function planOf(json: unknown): ForaImportPlan {
  const result = planForaImport(json);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.plan;
}

const auditCounts = async (storage: Storage): Promise<Record<string, number>> =>
  Object.fromEntries(await Promise.all(ISHOEJ_IDS.map(async (id) => [id, (await storage.audit.listByForum(id)).length] as const)));

describe('applying the Ishøj fora file to Azurite', () => {
  const { storage } = openTestStorage();
  afterAll(() => storage.dropAll());

  it('given an empty store then all 8 fora are created with their chain, and one audit event each', async () => {
    const result = await applyForaImport(planOf(await ishoejJson()), storage, 'admin-1', clockAt('2026-02-01T08:00:00.000Z'));
    expect(result).toEqual({ fora: 8, members: 0, created: ISHOEJ_IDS, updated: [], unchanged: [] });

    const stored = await storage.fora.list();
    expect(stored.map((f) => f.id).sort()).toEqual([...ISHOEJ_IDS].sort());
    const byId = new Map(stored.map((f) => [f.id, f]));
    expect(byId.get('ssp-netvaerk')).toMatchObject({ name: 'SSP-netværk', level: 'executing', escalatesTo: 'koordinationsgruppen', sensitive: false });
    expect(byId.get('infohus')).toMatchObject({ name: 'Infohus', escalatesTo: 'lokalraad', sensitive: true });
    expect(byId.get('kredsraad')?.escalatesTo).toBeUndefined();
    expect(byId.get('kredsraad')?.description).toContain('politidirektøren');
    // The municipality's areas go onto every forum, for the case form.
    const areas = (await ishoejJson() as { areas?: unknown[] }).areas;
    expect(areas?.length).toBeGreaterThan(2);
    for (const forum of stored) expect(forum.areas).toEqual(areas);

    const [event] = await storage.audit.listByForum('infohus');
    expect(event).toMatchObject({ forumId: 'infohus', actorId: 'admin-1', action: 'forum.imported.created', subject: 'Infohus', at: '2026-02-01T08:00:00.000Z' });
    expect(event?.before).toBeUndefined();
    expect(JSON.parse(event?.after ?? '{}')).toMatchObject({ municipality: 'Ishøj', level: 'coordinating', sensitive: true });
    expect(Object.values(await auditCounts(storage))).toEqual(ISHOEJ_IDS.map(() => 1));
  });

  it('given the same file again then nothing changes and no audit event is added', async () => {
    const versions = new Map((await storage.fora.list()).map((f) => [f.id, f.version]));
    const result = await applyForaImport(planOf(await ishoejJson()), storage, 'admin-1', clockAt('2026-02-02T08:00:00.000Z'));
    expect(result).toMatchObject({ created: [], updated: [], unchanged: ISHOEJ_IDS });
    expect(new Map((await storage.fora.list()).map((f) => [f.id, f.version]))).toEqual(versions);
    expect(Object.values(await auditCounts(storage))).toEqual(ISHOEJ_IDS.map(() => 1));
  });

  it('given a changed file then changed fora are updated, their Teams link kept, and members upserted', async () => {
    const teams = { conversationId: '19:lokalraad@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/', tenantId: 'tenant-1', channelName: 'Lokalråd' };
    await storage.fora.update('lokalraad', (f) => ({ ...f, teams }));

    const json = await ishoejJson();
    const lokalraad = json.fora.find((f) => f['id'] === 'lokalraad');
    if (lokalraad === undefined) throw new Error('lokalraad missing from the seed file');
    lokalraad['description'] = 'Ny beskrivelse af Lokalrådet.';
    const koordination = json.fora.find((f) => f['id'] === 'koordinationsgruppen');
    if (koordination === undefined) throw new Error('koordinationsgruppen missing from the seed file');
    koordination['members'] = [
      { userId: 'aad-chair', displayName: 'Kirsten Leder', email: 'kl@ishoj.dk', roles: ['chair', 'manager'] },
      { userId: 'aad-consultant', displayName: 'Peter Konsulent', roles: ['consultant'] },
    ];

    const result = await applyForaImport(planOf(json), storage, 'admin-2', clockAt('2026-02-03T08:00:00.000Z'));
    expect(result.created).toEqual([]);
    expect(result.updated).toEqual(['lokalraad', 'koordinationsgruppen']);
    expect(result.members).toBe(2);

    expect(await storage.fora.findById('lokalraad')).toMatchObject({ description: 'Ny beskrivelse af Lokalrådet.', escalatesTo: 'kredsraad', teams });
    const members = await storage.members.listByForum('koordinationsgruppen');
    expect(members.map((m) => [m.userId, m.roles]).sort()).toEqual([
      ['aad-chair', ['chair', 'manager']],
      ['aad-consultant', ['consultant']],
    ]);
    expect(await storage.members.listMembershipsOfUser('aad-chair')).toEqual([{ forumId: 'koordinationsgruppen', roles: ['chair', 'manager'] }]);

    const [latest] = await storage.audit.listByForum('lokalraad');
    expect(latest).toMatchObject({ action: 'forum.imported.updated', actorId: 'admin-2' });
    expect(JSON.parse(latest?.before ?? '{}')).toMatchObject({ description: expect.stringContaining('Centerchefer') });
    const [memberEvent] = await storage.audit.listByForum('koordinationsgruppen');
    expect(JSON.parse(memberEvent?.after ?? '{}')).toMatchObject({ membersAdded: ['aad-chair', 'aad-consultant'], membersChanged: [] });
  });

  it('given a member whose roles change in the file then the stored roles are replaced', async () => {
    const json = await ishoejJson();
    const koordination = json.fora.find((f) => f['id'] === 'koordinationsgruppen');
    if (koordination === undefined) throw new Error('koordinationsgruppen missing from the seed file');
    koordination['members'] = [{ userId: 'aad-chair', displayName: 'Kirsten Leder', email: 'kl@ishoj.dk', roles: ['chair'] }];
    const result = await applyForaImport(planOf(json), storage, undefined, clockAt('2026-02-04T08:00:00.000Z'));
    expect(result.updated).toEqual(['lokalraad', 'koordinationsgruppen']);
    expect((await storage.members.find('koordinationsgruppen', 'aad-chair'))?.roles).toEqual(['chair']);
    // Members missing from the file stay: an import never removes people.
    expect(await storage.members.find('koordinationsgruppen', 'aad-consultant')).toBeDefined();
  });

  it('given analysts named in the file then every forum carries them, the analyst check uses them, and a bad id is refused with its path', async () => {
    const json = { ...(await ishoejJson()), analysts: ['0d4f8b1e-6a2c-4e57-9b13-00000000000a'] };
    const result = await applyForaImport(planOf(json), storage, 'admin-3', clockAt('2026-02-05T08:00:00.000Z'));
    expect(result.updated).toEqual(ISHOEJ_IDS);
    for (const forum of await storage.fora.list()) expect(forum.analysts).toEqual(['0d4f8b1e-6a2c-4e57-9b13-00000000000a']);
    const desk = await findPictureDesk(storage);
    expect(desk).toMatchObject({ lokalraadId: 'lokalraad', coordinatingId: 'koordinationsgruppen', analystIds: ['0d4f8b1e-6a2c-4e57-9b13-00000000000a'], named: true });
    // Without the list the default comes back: Koordinationsgruppen's chair.
    await applyForaImport(planOf(await ishoejJson()), storage, 'admin-3', clockAt('2026-02-06T08:00:00.000Z'));
    expect((await findPictureDesk(storage))?.analystIds).toEqual(['aad-chair']);
    const bad = planForaImport({ ...(await ishoejJson()), analysts: [''] });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['analysts[0]']);
  });
});

describe('a bad fora file', () => {
  const { storage } = openTestStorage();
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'forumbot-fora-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await storage.dropAll();
  });

  it('given a file with one bad forum among good ones then the import fails with its path and writes nothing', async () => {
    const json = await ishoejJson();
    const infohus = json.fora.find((f) => f['id'] === 'infohus');
    if (infohus === undefined) throw new Error('infohus missing from the seed file');
    infohus['level'] = 'secret';
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(json));

    const failure = await importForaFile(file, storage).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ForaFileError);
    expect((failure as ForaFileError).errors.map((e) => e.path)).toEqual(['fora[6].level']);

    expect(await storage.fora.list()).toEqual([]);
    expect(Object.values(await auditCounts(storage))).toEqual(ISHOEJ_IDS.map(() => 0));
  });

  it('given a file that is not JSON then the import fails with one error on the file and writes nothing', async () => {
    const file = path.join(dir, 'broken.json');
    await writeFile(file, '{ "municipality": "Ishøj", ');
    await expect(importForaFile(file, storage)).rejects.toBeInstanceOf(ForaFileError);
    expect(await storage.fora.list()).toEqual([]);
  });
});
