import { EXTERNAL_OWNER, RECORD_ROWS, rowInputs, type RecordData } from '../../cards/action-record.card';
import { NewActionItem } from '../../domain/actions/new-action-items';
import { DomainError } from '../../domain/shared/domain-error';
import { assertNoProblems, checkText, type FieldProblem } from '../../domain/shared/field-problems';
import { TEXT_LIMITS } from '../../domain/shared/text-limits';
import { LocalDate } from '../../domain/shared/time';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The form's rows as new items. Empty rows are skipped; every field of every begun row is checked
 * at once (Teams checks `isRequired` only in the client, and nothing is required per row), and a
 * refusal names each field by its input id, so the form comes back with all five rows as typed.
 */
export function rowsOf(data: RecordData, todayLocal: string): NewActionItem[] {
  const items: NewActionItem[] = [];
  const problems: Record<string, FieldProblem> = {};
  const note = (id: string, problem: FieldProblem | undefined): void => {
    if (problem !== undefined) problems[id] = problem;
  };
  for (let n = 1; n <= RECORD_ROWS; n++) {
    const ids = rowInputs(n);
    const value = (id: string): string => String(data[id] ?? '').trim();
    const [title, owner, name, email, due, origin] = [value(ids.title), value(ids.owner), value(ids.externalName), value(ids.externalEmail), value(ids.due), value(ids.origin)];
    if (title === '' && owner === '' && name === '' && email === '') continue;
    note(ids.title, checkText(title, { max: TEXT_LIMITS.actionTitle, required: true }));
    if (owner === '') note(ids.owner, { code: 'FIELD.REQUIRED' });
    if (owner === EXTERNAL_OWNER) {
      note(ids.externalName, checkText(name, { max: TEXT_LIMITS.personName, required: true }));
      note(ids.externalEmail, checkText(email, { max: TEXT_LIMITS.email, required: true }) ?? (EMAIL.test(email) ? undefined : { code: 'FIELD.FORMAT', context: { format: 'email' } }));
    }
    if (!LocalDate.safeParse(due).success) note(ids.due, { code: 'FIELD.REQUIRED' });
    else if (due < todayLocal) note(ids.due, { code: 'ACTION.DUE_IN_PAST', context: { row: n, dueDate: due } });
    const parsed = NewActionItem.safeParse({
      title,
      owner: owner === EXTERNAL_OWNER ? { kind: 'external', displayName: name, email } : { kind: 'member', userId: owner },
      dueDate: due,
      ...(origin === '' ? {} : { originAgendaItemId: origin }),
    });
    if (parsed.success) items.push(parsed.data);
    else if (Object.keys(problems).length === 0) throw new DomainError('ACTION.ROW_INCOMPLETE', { row: n });
  }
  assertNoProblems(problems);
  if (items.length === 0) throw new DomainError('ACTION.NO_ITEMS');
  return items;
}

/** The input a recording's refusal concerns: its row's title (a CPR number), owner or due date. */
export function recordFieldOf(error: DomainError): string | undefined {
  const row = error.context.row;
  if (typeof row !== 'number') return undefined;
  const ids = rowInputs(row);
  if (error.code === 'ACTION.DUE_IN_PAST') return ids.due;
  if (error.code === 'ACTION.OWNER_NOT_MEMBER') return ids.owner;
  if (error.code === 'INPUT.CPR_NUMBER') return ids.title;
  return undefined;
}
