import { newId } from '../../domain/shared/ids';
import type { BotServices } from './services';

/** The longest before/after text an audit row keeps (the event schema's limit). */
const SNAPSHOT_MAX = 30_000;

/** A snapshot as JSON text; one too long for the row says so, with its length, instead of being cut silently. */
function snapshot(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length <= SNAPSHOT_MAX) return json;
  const marker = `…[shortened for the audit log: ${json.length} characters]`;
  return json.slice(0, SNAPSHOT_MAX - marker.length) + marker;
}

export interface AuditEntry {
  forumId: string;
  /** Absent for what the bot does on its own (jobs). */
  actorId?: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit event: who did what, when, to what, with before/after snapshots. Returns its id. */
export async function audit(services: Pick<BotServices, 'audit' | 'clock'>, entry: AuditEntry): Promise<string> {
  const id = newId();
  await services.audit.append({
    id,
    forumId: entry.forumId,
    at: services.clock.now().toISOString(),
    ...(entry.actorId === undefined ? {} : { actorId: entry.actorId }),
    action: entry.action,
    subject: entry.subject.length > 300 ? `${entry.subject.slice(0, 299)}…` : entry.subject,
    ...(entry.before === undefined ? {} : { before: snapshot(entry.before) }),
    ...(entry.after === undefined ? {} : { after: snapshot(entry.after) }),
  });
  return id;
}
