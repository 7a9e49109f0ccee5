import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HttpResponse, HttpRoute } from '../core/http-route';
import type { Logger } from '../logger';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The pages and their scripts: plain HTML, CSS and ES modules, served as they are (no build). */
export const TAB_DIR = path.join(ROOT, 'tab');

/** Browser bundles from node_modules, under fixed names (nothing else from node_modules is reachable). */
const VENDOR: Record<string, string> = {
  'teams-js.js': path.join(ROOT, 'node_modules/@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js'),
  'adaptivecards.js': path.join(ROOT, 'node_modules/adaptivecards/dist/adaptivecards.min.js'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * Teams shows the tab in a frame of its own web and desktop clients; other sites may not frame it.
 * Scripts only from this server (no inline script), styles likewise, API calls to this server.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    // The adaptivecards renderer sets element styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "connect-src 'self' https://res.cdn.office.net",
    "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://outlook.office.com",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

// Our file names: letters, digits, dots, dashes, underscores and folders. No NUL (the file system
// throws on it), no `%` left after decoding, nothing a lookup could mistake for a property.
const SAFE_PATH = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** Resolves a request path under the tab folder; undefined for anything outside it or of an unknown type. */
export function tabFile(requestPath: string): string | undefined {
  const relative = decodeURIComponent(requestPath.replace(/^\/tab\/?/, ''));
  if (relative !== '' && !SAFE_PATH.test(relative)) return undefined;
  if (relative.startsWith('vendor/')) {
    const name = relative.slice('vendor/'.length);
    return Object.hasOwn(VENDOR, name) ? VENDOR[name] : undefined;
  }
  const file = path.resolve(TAB_DIR, relative === '' ? 'personal.html' : relative);
  if (!file.startsWith(TAB_DIR + path.sep)) return undefined;
  return Object.hasOwn(TYPES, path.extname(file)) ? file : undefined;
}

const notFound: HttpResponse = { status: 404, json: { error: 'not found' } };

/** `GET /tab/*`: the tab's pages and scripts. They hold no forum content: the data comes from the API, per person. */
export function tabStaticRoutes(logger: Logger): HttpRoute[] {
  return [
    {
      method: 'GET',
      path: '/tab/*',
      access: { kind: 'public', why: 'static pages and scripts, the same for everyone' },
      async handle({ req }) {
        let file: string | undefined;
        try {
          file = tabFile(req.path);
        } catch {
          file = undefined; // a malformed %-escape
        }
        if (file === undefined) return notFound;
        try {
          const body = await readFile(file);
          return {
            status: 200,
            headers: {
              ...SECURITY_HEADERS,
              'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
              // Pages change with deployments; the vendor bundles change with package versions.
              'cache-control': file.startsWith(TAB_DIR) ? 'no-cache' : 'public, max-age=3600',
            },
            body,
          };
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'EISDIR') return notFound;
          // A path the file system refuses (too long, not a file) is simply not one of our pages.
          logger.warn({ code, file }, 'tab: could not read a page file');
          return notFound;
        }
      },
    },
  ];
}
