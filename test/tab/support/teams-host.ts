import type { BrowserContext } from 'playwright-core';

/** Where the simulated Teams client lives: an origin teams-js trusts (https, on its own list). */
export const HOST_ORIGIN = 'https://teams.microsoft.com';

export interface HostSettings {
  /** The tab page to frame (on the bot's server). */
  tabUrl: string;
  /** What `authentication.getAuthToken` answers; undefined: the host refuses. */
  token?: string;
  /** The legacy context teams-js turns into `app.getContext()`. */
  context: Record<string, unknown>;
  frameContext?: 'content' | 'settings';
}

/**
 * A page that plays Teams' side of teams-js's postMessage protocol for the framed tab: it answers
 * `initialize` (frame context, client type, runtime configuration), `getContext`,
 * `authentication.getAuthToken`, and records every request (`window.hostLog`) so a test can see
 * e.g. `settings.setSettings`. It is served at https://teams.microsoft.com by request interception.
 */
function hostPage(settings: HostSettings): string {
  const runtime = { apiVersion: 4, supports: { pages: { config: {}, tabs: {}, appButton: {} }, teamsCore: {} } };
  const config = { ...settings, runtime: JSON.stringify(runtime) };
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Teams (simuleret)</title>
<style>body{margin:0;font-family:sans-serif}header{background:#464775;color:#fff;padding:8px 16px}iframe{border:0;width:100%;height:1400px}</style></head>
<body><header>Microsoft Teams (simuleret vært)</header><iframe id="tab" title="Forumbot"></iframe>
<script>
const settings = ${JSON.stringify(config)};
window.hostLog = [];
const frame = document.getElementById('tab');
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  const m = event.data;
  if (!m || typeof m.func !== 'string') return;
  window.hostLog.push({ func: m.func, args: m.args });
  const reply = (args) => frame.contentWindow.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, '*');
  switch (m.func) {
    case 'initialize': reply([settings.frameContext || 'content', 'web', settings.runtime, '2.0.0']); break;
    case 'getContext': reply([settings.context]); break;
    case 'authentication.getAuthToken': reply(settings.token ? [true, settings.token] : [false, 'resourceDisabled']); break;
    case 'settings.setSettings': reply([true]); break;
    default: break;
  }
});
/** What Teams does when the user presses Save on the configuration dialog. */
window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
frame.src = settings.tabUrl;
</script></body></html>`;
}

/** Serves the host page for the next navigation to HOST_ORIGIN in this browser context. */
export async function routeTeamsHost(context: BrowserContext, settings: HostSettings): Promise<string> {
  await context.route(`${HOST_ORIGIN}/**`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(settings) }));
  // teams-js asks a CDN for its origin list; offline, and the tab's CSP forbids it anyway.
  await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  return `${HOST_ORIGIN}/_simulated/tab`;
}

/** The legacy context fields teams-js reads for `app.getContext()`. */
export const teamsContext = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  locale: 'da-DK',
  frameContext: 'content',
  hostClientType: 'web',
  theme: 'default',
  ...over,
});
