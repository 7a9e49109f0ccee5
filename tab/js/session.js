/**
 * Who is looking at the tab, and how the page talks to the server.
 *
 * In Teams: `app.initialize()`, the context (locale, channel), and an SSO token from
 * `authentication.getAuthToken()` sent as `Authorization: Bearer` — the server trusts nothing else.
 * Outside Teams the page says so; only when the server runs locally (no app id) does it offer a
 * development identity, clearly marked, chosen by the person at the keyboard.
 */
import { pickLang, texts } from './texts.js';

/** teams-js takes a long time to give up in a frame that is not Teams; we give up sooner. */
const TEAMS_TIMEOUT_MS = 5000;
const DEV_USER_KEY = 'forumbot.devUser';
export const DEV_USER_HEADER = 'x-forumbot-dev-user';

/** @returns {any} the teams-js global from its browser bundle */
const teams = () => /** @type {any} */ (window).microsoftTeams;

/**
 * @template T
 * @param {Promise<T>} promise @param {number} ms @returns {Promise<T>}
 */
function within(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The Teams context, or undefined when the page is not inside Teams. */
async function teamsContext() {
  if (window.parent === window || teams() === undefined) return undefined;
  try {
    await within(teams().app.initialize(), TEAMS_TIMEOUT_MS);
    const context = await teams().app.getContext();
    // Ends Teams' loading indicator, should the manifest ask for one.
    Promise.resolve()
      .then(() => teams().app.notifySuccess())
      .catch(() => undefined);
    return context;
  } catch {
    return undefined;
  }
}

/**
 * @typedef {{ userId: string, displayName: string, fora: string[] }} DevUser
 * @typedef {{ mode: 'teams' | 'local', timeZone: string, devUsers?: DevUser[] }} ServerSession
 * @typedef {{
 *   lang: 'da' | 'en', t: import('./texts.js').Texts, timeZone: string, context: any,
 *   mode: 'teams' | 'local', dev?: DevUser,
 *   api: (path: string, init?: { method?: string, body?: unknown }) => Promise<any>,
 * }} Session
 */

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message */
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/**
 * Starts the page: finds Teams (or not), picks the language, and returns a session whose `api`
 * sends the proof of identity. Returns undefined when the page has shown why it cannot go on.
 * @param {HTMLElement} root where messages and the identity picker go
 * @returns {Promise<Session | undefined>}
 */
export async function startSession(root) {
  const params = new URLSearchParams(location.search);
  const context = await teamsContext();
  const lang = pickLang(context?.app?.locale ?? params.get('lang') ?? navigator.language);
  const t = texts[lang];
  document.documentElement.lang = lang;
  document.title = `${t.appName}`;

  /** @type {ServerSession} */
  const server = await fetch('/api/tab/session', { headers: { accept: 'application/json' } }).then((r) => r.json());
  const timeZone = server.timeZone;

  /** @param {() => Record<string, string>} auth */
  const apiWith = (auth) => async (/** @type {string} */ path, /** @type {{ method?: string, body?: unknown }} */ init = {}) => {
    const url = `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
    const headers = { accept: 'application/json', ...auth(), ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) };
    const response = await fetch(url, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'TAB.FAILED', body?.error?.message ?? t.failed);
    return body;
  };

  if (context !== undefined && server.mode === 'teams') {
    // Teams caches the token and renews it; ask for it before every call.
    const api = async (/** @type {string} */ path, /** @type {any} */ init) => {
      let token;
      try {
        token = await teams().authentication.getAuthToken();
      } catch {
        throw new ApiError(401, 'TAB.NOT_SIGNED_IN', t.signInFailed);
      }
      return apiWith(() => ({ authorization: `Bearer ${token}` }))(path, init);
    };
    return { lang, t, timeZone, context, mode: 'teams', api };
  }

  if (context === undefined) notice(root, t.outsideTeams, 'notice');
  if (server.mode !== 'local') {
    notice(root, t.openInTeams, 'notice');
    return undefined;
  }

  // Local mode: a development identity, from ?devUser= or the picker, never guessed.
  const users = server.devUsers ?? [];
  const wanted = params.get('devUser') ?? sessionStorage.getItem(DEV_USER_KEY);
  const dev = users.find((u) => u.userId === wanted);
  if (dev === undefined) {
    devPicker(root, t, users);
    return undefined;
  }
  sessionStorage.setItem(DEV_USER_KEY, dev.userId);
  devBanner(t, dev);
  return { lang, t, timeZone, context, mode: 'local', dev, api: apiWith(() => ({ [DEV_USER_HEADER]: dev.userId })) };
}

/** @param {HTMLElement} root @param {string} text @param {'notice' | 'error'} kind */
export function notice(root, text, kind) {
  const p = document.createElement('p');
  p.className = kind;
  p.textContent = text;
  if (kind === 'error') p.setAttribute('role', 'alert');
  root.append(p);
  return p;
}

/** @param {import('./texts.js').Texts} t @param {DevUser} dev */
function devBanner(t, dev) {
  const banner = document.createElement('div');
  banner.className = 'dev-banner';
  banner.setAttribute('role', 'status');
  banner.append(`${t.devBanner}: ${dev.displayName} `);
  const change = document.createElement('button');
  change.type = 'button';
  change.textContent = t.devSwitch;
  change.addEventListener('click', () => {
    sessionStorage.removeItem(DEV_USER_KEY);
    const url = new URL(location.href);
    url.searchParams.delete('devUser');
    location.href = url.toString();
  });
  banner.append(change);
  document.body.prepend(banner);
}

/** @param {HTMLElement} root @param {import('./texts.js').Texts} t @param {DevUser[]} users */
function devPicker(root, t, users) {
  const section = document.createElement('section');
  section.className = 'dev-picker';
  section.setAttribute('aria-labelledby', 'dev-title');
  const h = document.createElement('h2');
  h.id = 'dev-title';
  h.textContent = t.devBanner;
  const p = document.createElement('p');
  p.textContent = t.devExplain;
  section.append(h, p);
  if (users.length === 0) {
    notice(section, t.devNone, 'notice');
    root.append(section);
    return;
  }
  const form = document.createElement('form');
  const label = document.createElement('label');
  label.htmlFor = 'dev-user';
  label.textContent = t.devPick;
  const select = document.createElement('select');
  select.id = 'dev-user';
  select.required = true;
  const none = new Option(t.devChoose, '');
  select.append(none, ...users.map((u) => new Option(`${u.displayName} (${u.fora.join(', ')})`, u.userId)));
  const go = document.createElement('button');
  go.type = 'submit';
  go.textContent = t.devGo;
  form.append(label, select, go);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (select.value === '') return;
    const url = new URL(location.href);
    url.searchParams.set('devUser', select.value);
    location.href = url.toString();
  });
  section.append(form);
  root.append(section);
}
