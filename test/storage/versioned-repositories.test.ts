import { afterAll } from 'vitest';
import type { ActionItem } from '../../domain/actions/action-item';
import type { Forum } from '../../domain/fora/forum';
import type { Meeting, MeetingSeries } from '../../domain/meetings/meeting';
import { aForum, aMeeting, aMeetingSeries, anActionItem } from './storage.mothers';
import { openTestStorage } from './storage-kit';
import { versionedRepositoryContract } from './versioned-repository.contract';

const { storage } = openTestStorage();
afterAll(() => storage.dropAll());

versionedRepositoryContract<Forum>(() => storage, {
  name: 'fora',
  make: () => aForum(),
  find: (s, f) => s.fora.findById(f.id),
  list: (s) => s.fora.list(),
  scoped: false,
  save: (s, f) => s.fora.save(f),
  update: (s, f, change) => s.fora.update(f.id, change),
  delete: (s, f) => s.fora.delete(f.id),
  idOf: (f) => f.id,
  mark: (f, mark) => ({ ...f, description: `${f.description ?? ''}${mark}` }),
  marksOf: (f) => f.description ?? '',
});

versionedRepositoryContract<MeetingSeries>(() => storage, {
  name: 'meetingSeries',
  make: (forumId) => aMeetingSeries(forumId),
  find: (s, x) => s.meetingSeries.findById(x.forumId, x.id),
  list: (s, forumId) => s.meetingSeries.listByForum(forumId),
  scoped: true,
  save: (s, x) => s.meetingSeries.save(x),
  update: (s, x, change) => s.meetingSeries.update(x.forumId, x.id, change),
  delete: (s, x) => s.meetingSeries.delete(x.forumId, x.id),
  idOf: (x) => x.id,
  mark: (x, mark) => ({ ...x, location: `${x.location ?? ''}${mark}` }),
  marksOf: (x) => x.location ?? '',
});

versionedRepositoryContract<Meeting>(() => storage, {
  name: 'meetings',
  make: (forumId) => aMeeting(forumId),
  find: (s, x) => s.meetings.findById(x.forumId, x.id),
  list: (s, forumId) => s.meetings.listByForum(forumId),
  scoped: true,
  save: (s, x) => s.meetings.save(x),
  update: (s, x, change) => s.meetings.update(x.forumId, x.id, change),
  delete: (s, x) => s.meetings.delete(x.forumId, x.id),
  idOf: (x) => x.id,
  mark: (x, mark) => ({ ...x, location: `${x.location ?? ''}${mark}` }),
  marksOf: (x) => x.location ?? '',
});

versionedRepositoryContract<ActionItem>(() => storage, {
  name: 'actionItems',
  make: (forumId) => anActionItem(forumId),
  find: (s, x) => s.actionItems.findById(x.forumId, x.id),
  list: (s, forumId) => s.actionItems.listByForum(forumId),
  scoped: true,
  save: (s, x) => s.actionItems.save(x),
  update: (s, x, change) => s.actionItems.update(x.forumId, x.id, change),
  delete: (s, x) => s.actionItems.delete(x.forumId, x.id),
  idOf: (x) => x.id,
  mark: (x, mark) => ({ ...x, blockedReason: `${x.blockedReason ?? ''}${mark}` }),
  marksOf: (x) => x.blockedReason ?? '',
});
