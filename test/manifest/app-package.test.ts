import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { manifestDir, PACKAGE_FILE_NAME } from '../../manifest/app-package';
import { readZip } from './support/read-zip';

const appId = '0b5c8e5e-1d2a-4c39-9d8e-2f6f7a1b2c3d';
const host = 'forumbot.ishoj.dk';
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const packageScript = join(repoRoot, 'manifest', 'package.ts');
const workDirs: string[] = [];

afterAll(() => workDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  cwd: string;
}

/** Runs `npm run package`'s command as a child process in a fresh directory, with only the given variables. */
function runPackage(env: Record<string, string>): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'forumbot-package-'));
  workDirs.push(cwd);
  return new Promise((resolve) => {
    execFile(tsx, [packageScript], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error === null ? 0 : Number(error.code ?? -1), stdout, stderr, cwd }),
    );
  });
}

describe('npm run package (tsx manifest/package.ts)', () => {
  it('given an app id and a host then it writes dist/forumbot-teams-app.zip with exactly the manifest, its localization files and icons at the root', async () => {
    const run = await runPackage({ MicrosoftAppId: appId.toUpperCase(), BOT_HOST: ` ${host} ` });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const zipPath = join(run.cwd, 'dist', PACKAGE_FILE_NAME);
    expect(run.stdout).toContain(zipPath);

    const entries = await readZip(readFileSync(zipPath));
    expect([...entries.keys()].toSorted()).toEqual(['color.png', 'da.json', 'en.json', 'manifest.json', 'outline.png']);

    const manifestText = entries.get('manifest.json')!.toString('utf8');
    expect(manifestText).not.toContain('{{');
    const manifest = z
      .object({
        id: z.string(),
        bots: z.array(z.object({ botId: z.string() })),
        validDomains: z.array(z.string()),
        webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
        localizationInfo: z.object({ defaultLanguageFile: z.string(), additionalLanguages: z.array(z.object({ file: z.string() })) }),
        icons: z.object({ color: z.string(), outline: z.string() }),
      })
      .parse(JSON.parse(manifestText));
    // The id is normalised to lower case and the host trimmed.
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]!.botId).toBe(appId);
    expect(manifest.webApplicationInfo).toEqual({ id: appId, resource: `api://${host}/${appId}` });
    expect(manifest.validDomains).toEqual([host]);

    // Every file the manifest references is in the zip, and nothing else is.
    const referenced = [manifest.localizationInfo.defaultLanguageFile, ...manifest.localizationInfo.additionalLanguages.map((l) => l.file), manifest.icons.color, manifest.icons.outline];
    expect(['manifest.json', ...referenced].toSorted()).toEqual([...entries.keys()].toSorted());

    const localization = z.record(z.string(), z.string());
    expect(localization.parse(JSON.parse(entries.get('da.json')!.toString('utf8')))['bots[0].commandLists[1].commands[2].title']).toBe('tilknyt');
    expect(localization.parse(JSON.parse(entries.get('en.json')!.toString('utf8')))['bots[0].commandLists[1].commands[2].title']).toBe('link');
    expect(entries.get('color.png')!.equals(readFileSync(join(manifestDir, 'color.png')))).toBe(true);
    expect(entries.get('outline.png')!.equals(readFileSync(join(manifestDir, 'outline.png')))).toBe(true);
  });

  it('given no configuration then it exits 1 and names both missing variables in one message', async () => {
    const run = await runPackage({});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Cannot build the Teams app package:');
    expect(run.stderr).toMatch(/^ {2}MicrosoftAppId is missing/m);
    expect(run.stderr).toMatch(/^ {2}BOT_HOST is missing/m);
    expect(run.stderr).not.toMatch(/\bat \S+:\d+:\d+/); // no stack trace
  });

  it('given a malformed app id and a URL instead of a host then it exits 1, says what is wrong with each and writes nothing', async () => {
    const run = await runPackage({ MicrosoftAppId: 'forumbot', BOT_HOST: 'https://forumbot.ishoj.dk/' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('MicrosoftAppId must be the bot\'s app registration GUID');
    expect(run.stderr).toContain('(got "forumbot")');
    expect(run.stderr).toContain('BOT_HOST must be the host name only, without https://');
    expect(() => readFileSync(join(run.cwd, 'dist', PACKAGE_FILE_NAME))).toThrow(/ENOENT/);
  });
});
