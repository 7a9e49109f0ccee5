/**
 * `npm run import-fora -- <file.json>`: loads a municipality's fora file into the configured
 * storage (STORAGE_ACCOUNT_URL, STORAGE_CONNECTION_STRING, or the embedded Azurite in .data/). A bad file prints every
 * error with the path of its field and writes nothing (exit code 1).
 */
import path from 'node:path';
import { startAzurite } from '../storage/azurite';
import { createStorage } from '../storage/index';
import { ConfigError, loadConfig } from './config';
import { ForaFileError, importForaFile } from './seed';

async function run(): Promise<number> {
  const file = process.argv[2];
  if (file === undefined) {
    process.stderr.write('Usage: npm run import-fora -- <file.json>\n');
    return 2;
  }
  const config = loadConfig();
  const configured = config.storageAccountUrl === undefined ? config.storageConnectionString : { accountUrl: config.storageAccountUrl };
  const azurite = configured === undefined ? await startAzurite({ location: path.resolve(config.dataDir, 'azurite') }) : undefined;
  try {
    const storage = createStorage(configured ?? azurite!.connectionString);
    const result = await importForaFile(path.resolve(file), storage);
    process.stdout.write(`Imported ${result.fora} fora and ${result.members} members from ${file}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ForaFileError) {
      process.stderr.write(`${error.message}\nNothing was written.\n`);
      return 1;
    }
    throw error;
  } finally {
    await azurite?.stop();
  }
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
