import { resolve } from 'node:path';
import { writeAppPackage } from './app-package';

// `npm run package`: needs MicrosoftAppId and BOT_HOST; writes dist/forumbot-teams-app.zip.
try {
  const path = await writeAppPackage(process.env, resolve(process.cwd(), 'dist'));
  console.log(`Wrote ${path}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
