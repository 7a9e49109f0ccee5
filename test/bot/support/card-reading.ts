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
