import type { Agenda, AgendaInput, AgendaItem } from './agenda';
import { itemsWantingInput, progressOf, type Progress } from './agenda.rules';

export interface BriefingEntry {
  authorName: string;
  forumName: string;
  text: string;
  savedAt: string;
}

export interface Briefing {
  agenda: Agenda;
  /** Every item that wanted input, in agenda order, with every comment on it (by forum, then author). */
  items: { item: AgendaItem; entries: BriefingEntry[] }[];
  /** Consultants who answered "no comments". */
  noComments: { authorName: string; forumName: string }[];
  progress: Progress;
}

/** Gathers the consultants' inputs per item, ready to brief the mayor. */
export function compileBriefing(agenda: Agenda, inputs: readonly AgendaInput[]): Briefing {
  const circulation = agenda.circulation;
  const forumNameOf = (input: AgendaInput): string =>
    circulation?.consultants?.find((c) => c.userId === input.authorId)?.forumName ?? input.authorForumId;
  const byOrder = (a: BriefingEntry, b: BriefingEntry): number => a.forumName.localeCompare(b.forumName, 'da') || a.authorName.localeCompare(b.authorName, 'da');
  const entry = (input: AgendaInput): BriefingEntry => ({ authorName: input.authorName, forumName: forumNameOf(input), text: input.text, savedAt: input.savedAt });
  return {
    agenda,
    items: itemsWantingInput(agenda).map((item) => ({
      item,
      entries: inputs.filter((input) => !input.noComments && input.itemId === item.id).map(entry).sort(byOrder),
    })),
    noComments: inputs.filter((input) => input.noComments).map((input) => ({ authorName: input.authorName, forumName: forumNameOf(input) })),
    progress: circulation === undefined ? { total: 0, answered: 0, missing: [] } : progressOf(circulation, inputs),
  };
}
