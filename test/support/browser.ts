import { accessSync, constants } from 'node:fs';

/** Where a Chromium is looked for when `CHROMIUM_PATH` names none: Debian's package, then other usual places. */
const USUAL_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const runnable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The browser for the browser tests: `CHROMIUM_PATH` when set (it must exist: a wrong path is an
 * error, not a silent fallback), else the first usual place that holds one. Never a download.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const named = env.CHROMIUM_PATH?.trim();
  if (named !== undefined && named !== '') {
    if (!runnable(named)) throw new Error(`CHROMIUM_PATH=${named} is not an executable file`);
    return named;
  }
  const found = USUAL_PLACES.find(runnable);
  if (found === undefined) throw new Error(`no Chromium found in ${USUAL_PLACES.join(', ')}: install one or set CHROMIUM_PATH`);
  return found;
}
