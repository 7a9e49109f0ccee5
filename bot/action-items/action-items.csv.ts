import type { ActionItem } from '../../domain/actions/action-item';
import { isOverdue } from '../../domain/actions/action-item.rules';
import { danishDate, localDateOf } from '../../domain/actions/local-date';
import type { ActionItemsTexts } from './action-items.texts';

/** Excel opens UTF-8 only with the byte-order mark; Danish Excel splits columns on `;`. */
const BOM = '\uFEFF';

/**
 * A cell: quoted when it holds the separator, quotes or line breaks; text that Excel would run as a
 * formula (= + - @ and tab/CR at the start) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * A forum's action items as CSV for Danish Excel: `;`, CRLF, UTF-8 with BOM, dates dd-mm-yyyy
 * (what Danish Excel reads as a date), open items first by due date, then the closed ones.
 */
export function actionItemsCsv(
  texts: ActionItemsTexts,
  items: readonly ActionItem[],
  context: { todayLocal: string; timeZone: string; agendaItemTitle: (id: string) => string | undefined },
): string {
  const sorted = [...items].sort((a, b) => Number(b.status !== 'done' && b.status !== 'cancelled') - Number(a.status !== 'done' && a.status !== 'cancelled') || a.dueDate.localeCompare(b.dueDate));
  const rows = sorted.map((item) => [
    item.title,
    item.owner.displayName,
    item.owner.kind === 'external' ? item.owner.email : '',
    danishDate(item.dueDate),
    texts.csv.statuses[item.status],
    isOverdue(item, context.todayLocal) ? texts.csv.yes : '',
    item.blockedReason ?? '',
    item.proposedDueDate === undefined ? '' : danishDate(item.proposedDueDate),
    String(item.carriedOver ?? 0),
    item.escalationId ?? '',
    item.originAgendaItemId === undefined ? '' : (context.agendaItemTitle(item.originAgendaItemId) ?? item.originAgendaItemId),
    danishDate(localDateOf(new Date(item.createdAt), context.timeZone)),
    item.closedAt === undefined ? '' : danishDate(localDateOf(new Date(item.closedAt), context.timeZone)),
    item.id,
  ]);
  return BOM + [texts.csv.headers, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
