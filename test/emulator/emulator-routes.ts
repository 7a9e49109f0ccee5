/** The connector's URL space, as a bot sees it (ids arrive URL-encoded). */
export type Route =
  | { op: 'create' }
  | { op: 'send'; conversationId: string; replyToId?: string }
  | { op: 'update'; conversationId: string; activityId: string }
  | { op: 'delete'; conversationId: string; activityId: string }
  | { op: 'members'; conversationId: string }
  | { op: 'pagedMembers'; conversationId: string; pageSize?: number; continuationToken?: string }
  | { op: 'teamChannels'; teamId: string }
  | { op: 'teamDetails'; teamId: string }
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
  if (parts[0] === 'v3' && parts[1] === 'teams' && parts[2] !== undefined && method === 'GET') {
    if (parts.length === 3) return { op: 'teamDetails', teamId: parts[2] };
    if (parts.length === 4 && parts[3] === 'conversations') return { op: 'teamChannels', teamId: parts[2] };
    return undefined;
  }
  if (parts[0] !== 'v3' || parts[1] !== 'conversations') return undefined;
  const [, , conversationId, sub, activityId, extra] = parts;
  if (conversationId === undefined) return method === 'POST' ? { op: 'create' } : undefined;
  if (sub === 'members' && activityId === undefined && method === 'GET') return { op: 'members', conversationId };
  if (sub === 'pagedmembers' && activityId === undefined && method === 'GET') {
    const query = new URLSearchParams(url.split('?')[1] ?? '');
    const pageSize = query.get('pageSize');
    const token = query.get('continuationToken');
    return {
      op: 'pagedMembers',
      conversationId,
      ...(pageSize === null || !/^\d+$/.test(pageSize) ? {} : { pageSize: Number(pageSize) }),
      ...(token === null ? {} : { continuationToken: token }),
    };
  }
  if (sub !== 'activities' || extra !== undefined) return undefined;
  if (method === 'GET') return { op: 'readActivities' };
  if (method === 'POST') return activityId === undefined ? { op: 'send', conversationId } : { op: 'send', conversationId, replyToId: activityId };
  if (activityId === undefined) return undefined;
  if (method === 'PUT') return { op: 'update', conversationId, activityId };
  if (method === 'DELETE') return { op: 'delete', conversationId, activityId };
  return undefined;
}
