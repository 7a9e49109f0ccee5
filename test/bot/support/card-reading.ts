/** Reading what a card shows, for assertions: the same walk for every feature's tests. */

export interface CardValue {
  lang: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
}

/** Keys whose subtrees are not shown as text: what a click does, and how the card refreshes. */
const NOT_SHOWN = new Set(['selectAction', 'refresh']);

/** Every text on a card (text blocks and fact values), nested containers and show-cards included, in order. */
export function cardTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['type'] === 'TextBlock' && typeof record['text'] === 'string') out.push(record['text']);
    if (record['type'] === 'FactSet' && Array.isArray(record['facts'])) for (const fact of record['facts'] as { value: string }[]) out.push(fact.value);
    for (const [key, value] of Object.entries(record)) if (!NOT_SHOWN.has(key)) walk(value);
  };
  walk(card);
  return out;
}

/** The message a refused form shows right below an input (the block `<inputId>.error`), if any. */
export function fieldMessage(card: unknown, inputId: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record['id'] === `${inputId}.error` && typeof record['text'] === 'string') found = record['text'];
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** The value an input of the card holds (ShowCard bodies included), if the card has it. */
export function inputValue(card: unknown, inputId: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record['type'] === 'string' && record['type'].startsWith('Input.') && record['id'] === inputId) found = record['value'];
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}
