/** Small DOM builders shared by the pages; text always goes in as text, never as HTML. */

/**
 * @param {string} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node | string | undefined)[]} [children]
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

/**
 * A section with a heading (for screen readers' navigation) and either items or an empty-text.
 * @param {string} id @param {string} title @param {Node[]} content @param {string} empty
 */
export function section(id, title, content, empty) {
  const heading = el('h2', { id: `${id}-title` }, [title]);
  return el('section', { id, 'aria-labelledby': `${id}-title` }, [heading, ...(content.length === 0 ? [el('p', { class: 'empty' }, [empty])] : content)]);
}

/** @param {string} lang @param {string} timeZone */
export function formats(lang, timeZone) {
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' });
  const date = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  return {
    /** @param {string} iso */
    dateTime: (iso) => dateTime.format(new Date(iso)),
    /** @param {string} start @param {string} end */
    range: (start, end) => `${dateTime.format(new Date(start))}–${time.format(new Date(end))}`,
    /** A local date (YYYY-MM-DD) as people write it. @param {string} ymd */
    date: (ymd) => date.format(new Date(`${ymd}T00:00:00Z`)),
  };
}

/**
 * Renders Adaptive Card JSON from the server with the adaptivecards library: the same card
 * definition the bot sends in Teams. Buttons are the chat's business, so they are not shown here.
 * @param {unknown} card @returns {HTMLElement}
 */
export function renderCard(card) {
  const AC = /** @type {any} */ (window).AdaptiveCards;
  AC.AdaptiveCard.onProcessMarkdown = (/** @type {string} */ text, /** @type {any} */ result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };
  const adaptive = new AC.AdaptiveCard();
  adaptive.hostConfig = new AC.HostConfig({
    fontFamily: 'Segoe UI, system-ui, sans-serif',
    supportsInteractivity: false,
  });
  adaptive.parse(card);
  const rendered = adaptive.render();
  return el('div', { class: 'card-frame' }, [rendered]);
}

/** @param {string} text */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The part of Markdown that Teams renders in card text: **bold**, _italic_ and [links](https://…).
 * Everything is escaped first, so card text can never inject markup; links only to http(s).
 * @param {string} text @returns {string}
 */
export function markdown(text) {
  return escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\s)_(.+?)_(?=\s|$)/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
    .replace(/\n/g, '<br>');
}

/** @param {HTMLElement} root @param {{ message: string }} error */
export function showError(root, error) {
  root.append(el('p', { class: 'error', role: 'alert' }, [error.message]));
}
