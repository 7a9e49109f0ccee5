/** The connector's URL space, as a bot sees it (ids arrive URL-encoded). */
export type Route =
  | { op: 'create' }
  | { op: 'send'; conversationId: string; replyToId?: string }
  | { op: 'update'; conversationId: string; activityId: string }
  | { op: 'delete'; conversationId: string; activityId: string }
  | { op: 'members'; conversationId: string }
  | { op: 'readActivities' };

/** Which connector operation a request is; undefined for anything the connector does not offer. */
export function route(method: string, url: string, prefix: string): Route | undefined {
  const path = url.split('?')[0] ?? '';
  const raw = path.split('/').filter((part) => part.length > 0);
  if (prefix.length > 0) {
    if (raw[0] !== prefix) return undefined;
    raw.shift();
  }
  let parts: string[];
  try {
    parts = raw.map((part) => decodeURIComponent(part));
  } catch {
    return undefined;
  }
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return undefined;
  const [, , conversationId, sub, activityId, extra] = parts;
  if (conversationId === undefined) return method === 'POST' ? { op: 'create' } : undefined;
  if (sub === 'members' && activityId === undefined && method === 'GET') return { op: 'members', conversationId };
  if (sub !== 'activities' || extra !== undefined) return undefined;
  if (method === 'GET') return { op: 'readActivities' };
  if (method === 'POST') return activityId === undefined ? { op: 'send', conversationId } : { op: 'send', conversationId, replyToId: activityId };
  if (activityId === undefined) return undefined;
  if (method === 'PUT') return { op: 'update', conversationId, activityId };
  if (method === 'DELETE') return { op: 'delete', conversationId, activityId };
  return undefined;
}
