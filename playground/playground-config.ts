/**
 * The Agents Playground has one current user per start (its UI cannot switch). To try Forumbot as
 * someone else, `npm run playground` writes a copy of `.m365agentsplayground.yml` in which that
 * person and the current user swap places, with a personal chat of their own.
 * Only for our own file, whose layout is fixed: `currentUser:` with two-space keys, then `users:`
 * with `  - id:` items and four-space keys, then `personalChat:`.
 */

type Person = Map<string, string>;

function fields(lines: readonly string[]): Person {
  const person: Person = new Map();
  for (const line of lines) {
    const match = /^\s*(?:- )?(\w+):\s*(.*)$/.exec(line);
    if (match?.[1] !== undefined) person.set(match[1], match[2] ?? '');
  }
  return person;
}

const asCurrentUser = (p: Person): string[] => [...p].map(([key, value]) => `  ${key}: ${value}`);
const asListItem = (p: Person): string[] => [...p].map(([key, value], i) => `${i === 0 ? '  - ' : '    '}${key}: ${value}`);

interface Layout {
  lines: string[];
  current: number;
  users: number;
  personal: number;
  me: Person;
  items: Person[];
}

function layout(yml: string): Layout {
  const lines = yml.split('\n');
  const at = (pattern: RegExp): number => {
    const index = lines.findIndex((line) => pattern.test(line));
    if (index < 0) throw new Error(`the Playground config has no line like ${String(pattern)}`);
    return index;
  };
  const current = at(/^currentUser:\s*$/);
  const users = at(/^users:\s*$/);
  const personal = at(/^personalChat:\s*$/);
  const starts = lines.map((line, i) => (i > users && i < personal && /^ {2}- id:/.test(line) ? i : -1)).filter((i) => i >= 0);
  const items = starts.map((start, k) => fields(lines.slice(start, starts[k + 1] ?? personal)));
  return { lines, current, users, personal, me: fields(lines.slice(current + 1, users)), items };
}

/** The people in the config, the current user first: given name and display name. */
export function listPeople(yml: string): { givenName: string; name: string }[] {
  const { me, items } = layout(yml);
  return [me, ...items].map((p) => ({ givenName: p.get('givenName') ?? '', name: p.get('name') ?? '' }));
}

/** The config with the person whose given name is `givenName` (any case) as the current user. */
export function withCurrentUser(yml: string, givenName: string): string {
  const { lines, current, users, personal, me, items } = layout(yml);
  const wanted = givenName.trim().toLowerCase();
  if (me.get('givenName')?.toLowerCase() === wanted) return yml;
  const chosen = items.findIndex((p) => p.get('givenName')?.toLowerCase() === wanted);
  if (chosen < 0) {
    const names = [me, ...items].map((p) => p.get('givenName')).join(', ');
    throw new Error(`no person "${givenName}" in the Playground config (there are: ${names})`);
  }
  const next = items[chosen]!;
  items[chosen] = me;
  // A personal chat of their own: the bot keeps one personal conversation per person.
  const personalId = `a:demo-personal-${(next.get('id') ?? '').replace(/^29:demo-/, '')}`;
  return [
    ...lines.slice(0, current + 1),
    ...asCurrentUser(next),
    lines[users]!,
    ...items.flatMap(asListItem),
    lines[personal]!,
    `  id: ${personalId}`,
    ...lines.slice(personal + 2),
  ].join('\n');
}
