/**
 * The demo data set of `npm run playground` (never loaded otherwise): Ishøj's fora with the
 * Playground's six people as members (`demo-fora.json`, the same format as `data/fora/ishoej.json`)
 * and the Playground team's two channels linked to fora (`demo-channels.json`). The ids are those
 * of `.m365agentsplayground.yml`.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { importForaFile } from '../bot/seed';
import { ForaFile, ForumSlug } from '../domain/fora/fora-file';
import type { Role, TeamsLink } from '../domain/fora/forum';
import type { Storage } from '../storage/index';

export const DEMO_FORA_FILE = fileURLToPath(new URL('./demo-fora.json', import.meta.url));
export const DEMO_CHANNELS_FILE = fileURLToPath(new URL('./demo-channels.json', import.meta.url));

/** Which forum each channel of the Playground's team belongs to. */
export const DemoChannels = z.strictObject({
  tenantId: z.string().min(1).max(128),
  /** The team's id, which is also its General channel's id. */
  teamId: z.string().min(1).max(1024),
  channels: z
    .array(
      z.strictObject({
        channelName: z.string().min(1).max(200),
        conversationId: z.string().min(1).max(1024),
        forumId: ForumSlug,
      }),
    )
    .min(1),
});
export type DemoChannels = z.infer<typeof DemoChannels>;

export async function readDemoChannels(file = DEMO_CHANNELS_FILE): Promise<DemoChannels> {
  return DemoChannels.parse(JSON.parse(await readFile(file, 'utf8')));
}

export interface DemoResult {
  fora: number;
  members: number;
  /** Forum ids whose channel link was written (unchanged links are not rewritten). */
  linked: string[];
}

/**
 * Loads the demo members and links the demo channels; safe to run on every start. `connectorUrl`
 * is the running Playground's mock connector, the serviceUrl the bot posts proactive messages to.
 */
export async function applyDemoData(storage: Storage, connectorUrl: string): Promise<DemoResult> {
  const imported = await importForaFile(DEMO_FORA_FILE, storage);
  const demo = await readDemoChannels();
  const linked: string[] = [];
  for (const channel of demo.channels) {
    const link: TeamsLink = {
      conversationId: channel.conversationId,
      serviceUrl: connectorUrl,
      tenantId: demo.tenantId,
      teamId: demo.teamId,
      channelName: channel.channelName,
    };
    const forum = await storage.fora.findById(channel.forumId);
    if (forum === undefined) throw new Error(`${DEMO_CHANNELS_FILE}: no forum "${channel.forumId}"`);
    const current = forum.teams;
    const same =
      current !== undefined && (Object.keys(link) as (keyof TeamsLink)[]).every((key) => current[key] === link[key]);
    if (same) continue;
    await storage.fora.update(channel.forumId, (stored) => ({ ...stored, teams: link }));
    linked.push(channel.forumId);
  }
  return { fora: imported.fora, members: imported.members, linked };
}

const ROLE_DA: Record<Role, string> = { chair: 'formand', secretary: 'sekretær', member: 'medlem', consultant: 'SSP-konsulent', manager: 'leder' };

/** "formand, leder i Koordinationsgruppen", one entry per forum the person sits in (by display name). */
export async function describeRoles(displayName: string): Promise<string[]> {
  const file = ForaFile.parse(JSON.parse(await readFile(DEMO_FORA_FILE, 'utf8')));
  return file.fora.flatMap((forum) =>
    forum.members.filter((m) => m.displayName === displayName).map((m) => `${m.roles.map((r) => ROLE_DA[r]).join(', ')} i ${forum.name}`),
  );
}
