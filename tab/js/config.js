/**
 * The channel tab's configuration page: the user picks a forum, the server links this channel to
 * it (chair or secretary only, as `tilknyt`), and the tab is saved with the forum in its URL.
 */
import { el, showError } from './render.js';
import { startSession } from './session.js';

const root = /** @type {HTMLElement} */ (document.getElementById('main'));
const busy = /** @type {HTMLElement} */ (document.getElementById('busy'));
const teams = () => /** @type {any} */ (window).microsoftTeams;

async function main() {
  const session = await startSession(root);
  busy.remove();
  if (session === undefined) return;
  const { t, api, context } = session;
  root.append(el('h1', {}, [t.configTitle]), el('p', {}, [t.configIntro]));
  const channelId = context?.channel?.id;
  if (channelId === undefined) {
    root.append(el('p', { class: 'notice' }, [t.configNeedsTeams]));
    return;
  }
  let fora;
  try {
    ({ fora } = await api('/api/tab/linkable'));
  } catch (error) {
    showError(root, /** @type {Error} */ (error));
    return;
  }
  if (fora.length === 0) {
    root.append(el('p', { class: 'notice' }, [t.configNoFora]));
    return;
  }
  const select = /** @type {HTMLSelectElement} */ (el('select', { id: 'forum', required: '' }));
  select.append(new Option(t.configChoose, ''), ...fora.map((/** @type {any} */ f) => new Option(f.name, f.id)));
  const button = el('button', { type: 'submit' }, [t.configLink]);
  const status = el('p', { role: 'status', id: 'config-status' });
  const form = el('form', {}, [el('label', { for: 'forum' }, [t.configPick]), select, button]);
  root.append(form, status);

  /** @type {{ id: string, name: string } | undefined} */
  let linked;
  teams().pages.config.registerOnSaveHandler((/** @type {any} */ save) => {
    if (linked === undefined) {
      save.notifyFailure('no forum');
      return;
    }
    const contentUrl = `${location.origin}/tab/channel.html?forumId=${encodeURIComponent(linked.id)}`;
    teams()
      .pages.config.setConfig({ entityId: `forum-${linked.id}`, contentUrl, websiteUrl: contentUrl, suggestedDisplayName: linked.name })
      .then(() => save.notifySuccess())
      .catch((/** @type {Error} */ error) => save.notifyFailure(error.message));
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (select.value === '') return;
    status.textContent = '';
    root.querySelector('.error')?.remove();
    try {
      const answer = await api('/api/tab/link', {
        method: 'POST',
        body: {
          forumId: select.value,
          channelId,
          ...(context.team?.internalId ? { teamId: context.team.internalId } : {}),
          ...(context.channel?.displayName ? { channelName: context.channel.displayName } : {}),
        },
      });
      linked = answer.forum;
      status.textContent = t.configLinked(answer.forum.name);
      teams().pages.config.setValidityState(true);
    } catch (error) {
      teams().pages.config.setValidityState(false);
      showError(root, /** @type {Error} */ (error));
    }
  });
}

main().catch((error) => showError(root, error));
