import { EXTERNAL_OWNER, RECORD_ROWS, rowInputs, type RecordData } from '../../cards/action-record.card';
import { NewActionItem } from '../../domain/actions/new-action-items';
import { DomainError } from '../../domain/shared/domain-error';
import { refusedForCpr } from '../../domain/shared/guarded-text';

/**
 * The form's rows as new items. Empty rows are skipped; a row that is begun but not complete is
 * refused with its number (Teams checks `isRequired` only in the client; here nothing is required
 * per row, so the bot does all checks).
 */
export function rowsOf(data: RecordData): NewActionItem[] {
  const items: NewActionItem[] = [];
  for (let n = 1; n <= RECORD_ROWS; n++) {
    const ids = rowInputs(n);
    const value = (id: string): string => String(data[id] ?? '').trim();
    const [title, owner, name, email, due, origin] = [value(ids.title), value(ids.owner), value(ids.externalName), value(ids.externalEmail), value(ids.due), value(ids.origin)];
    if (title === '' && owner === '' && name === '' && email === '') continue;
    const candidate = {
      title,
      owner: owner === EXTERNAL_OWNER ? { kind: 'external', displayName: name, email } : { kind: 'member', userId: owner },
      dueDate: due,
      ...(origin === '' ? {} : { originAgendaItemId: origin }),
    };
    const parsed = NewActionItem.safeParse(candidate);
    if (!parsed.success) throw new DomainError(refusedForCpr(parsed.error) ? 'INPUT.CPR_NUMBER' : 'ACTION.ROW_INCOMPLETE', { row: n });
    items.push(parsed.data);
  }
  if (items.length === 0) throw new DomainError('ACTION.NO_ITEMS');
  return items;
}
