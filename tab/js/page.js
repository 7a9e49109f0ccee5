/** The start every data page shares: the session, the loading sign taken away, its one API answer. */
import { showError } from './render.js';
import { startSession } from './session.js';

/**
 * Returns the session and what `path` answered, or undefined when the page has already shown why
 * it cannot go on (no session, or the API refused or failed).
 * @param {HTMLElement} root @param {HTMLElement} busy @param {string} path
 * @returns {Promise<{ session: import('./session.js').Session, answer: unknown } | undefined>}
 */
export async function openPage(root, busy, path) {
  const session = await startSession(root);
  busy.remove();
  if (session === undefined) return undefined;
  try {
    return { session, answer: await session.api(path) };
  } catch (error) {
    showError(root, /** @type {Error} */ (error));
    return undefined;
  }
}
