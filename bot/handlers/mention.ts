/** What a mention entity looks like in a Teams message. */
interface MentionEntity {
  type?: string;
  text?: string;
  mentioned?: { id?: string };
}

export interface CommandText {
  text: string;
  /** Whether the bot itself was @mentioned. */
  mentioned: boolean;
}

/**
 * The typed text without the bot's @mention and without the markup Teams may add
 * (`<at>…</at>`, `&nbsp;`, paragraph tags).
 */
export function readCommandText(text: string | undefined, entities: readonly unknown[] | undefined, botId: string): CommandText {
  let rest = text ?? '';
  let mentioned = false;
  for (const entity of (entities ?? []) as MentionEntity[]) {
    if (entity?.type !== 'mention' || entity.mentioned?.id !== botId) continue;
    mentioned = true;
    if (typeof entity.text === 'string' && entity.text.length > 0) rest = rest.split(entity.text).join(' ');
  }
  const cleaned = rest
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: cleaned, mentioned };
}
