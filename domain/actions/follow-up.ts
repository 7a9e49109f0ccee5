import type { AgendaItem } from '../agendas/agenda';
import type { ActionItem } from './action-item';
import { isOpen, isOverdue } from './action-item.rules';
import { byUrgency } from './action-views';
import { danishDate } from './local-date';

/** The id of the follow-up item on an agenda: stable, so adding it twice can be detected. */
export const FOLLOW_UP_AGENDA_ITEM_ID = 'opfoelgning-paa-handlinger';

const TEXT = {
  da: {
    title: 'Opfølgning på handlinger',
    none: 'Ingen åbne handlinger.',
    line: (title: string, owner: string, due: string, overdue: boolean) => `- ${title} — ${owner}, frist ${due}${overdue ? ' (overskredet)' : ''}`,
    more: (n: number) => `- … og ${n} flere (skriv **handlinger** for hele listen)`,
  },
  en: {
    title: 'Follow-up on action items',
    none: 'No open action items.',
    line: (title: string, owner: string, due: string, overdue: boolean) => `- ${title} — ${owner}, due ${due}${overdue ? ' (overdue)' : ''}`,
    more: (n: number) => `- … and ${n} more (type **actions** for the whole list)`,
  },
} as const;

const DESCRIPTION_MAX = 2000;

/**
 * The agenda item "Opfølgning på handlinger" for the next meeting: the forum's open action items,
 * overdue first, as markdown lines. Only open items are listed (others passed in are ignored); the
 * list is cut to fit the agenda item's description, saying how many were left out. Give
 * `todayLocal` to mark overdue items.
 */
export function followUpAgendaItem(openItems: readonly ActionItem[], lang: 'da' | 'en' = 'da', options: { todayLocal?: string } = {}): AgendaItem {
  const text = TEXT[lang];
  const today = options.todayLocal ?? '0000-01-01';
  const items = openItems.filter(isOpen).sort(byUrgency(today));
  const lines: string[] = [];
  let length = 0;
  for (const [index, item] of items.entries()) {
    const line = text.line(item.title, item.owner.displayName, danishDate(item.dueDate), isOverdue(item, today));
    const rest = items.length - index - 1;
    // Keep room for the "and N more" line whenever something would be left out.
    const reserve = rest > 0 ? text.more(rest).length + 1 : 0;
    if (length + line.length + 1 + reserve > DESCRIPTION_MAX) {
      lines.push(text.more(items.length - index));
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return {
    id: FOLLOW_UP_AGENDA_ITEM_ID,
    title: text.title,
    description: items.length === 0 ? text.none : lines.join('\n'),
    inputWanted: false,
  };
}
