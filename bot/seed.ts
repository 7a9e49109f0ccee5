import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { applyForaImport, planForaImport, type ImportError } from '../domain/fora/import-fora';
import type { Storage } from '../storage/index';
import type { Logger } from './logger';

export const ISHOEJ_FORA_FILE = fileURLToPath(new URL('../data/fora/ishoej.json', import.meta.url));

export class ForaFileError extends Error {
  override readonly name = 'ForaFileError';
  constructor(
    readonly file: string,
    readonly errors: readonly ImportError[],
  ) {
    super(`${file}: ${errors.length} error(s)\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  }
}

/** Reads and checks a fora file, then writes it; a bad file writes nothing. */
export async function importForaFile(file: string, storage: Storage): Promise<{ fora: number; members: number }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ForaFileError(file, [{ path: '(file)', message: error instanceof Error ? error.message : String(error) }]);
  }
  const plan = planForaImport(json);
  if (!plan.ok) throw new ForaFileError(file, plan.errors);
  return applyForaImport(plan.plan, storage);
}

/** On an empty store, loads Ishøj's fora so that a newcomer sees real fora at once. */
export async function seedForaIfEmpty(storage: Storage, logger: Logger): Promise<void> {
  const existing = await storage.fora.list();
  if (existing.length > 0) {
    logger.info({ fora: existing.length }, 'fora already stored; no seeding');
    return;
  }
  const result = await importForaFile(ISHOEJ_FORA_FILE, storage);
  logger.info(result, 'seeded Ishøj fora into the empty store');
}
