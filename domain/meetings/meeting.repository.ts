import type { Meeting, MeetingSeries } from './meeting';

export interface MeetingSeriesRepository {
  findById(forumId: string, id: string): Promise<MeetingSeries | undefined>;
  listByForum(forumId: string): Promise<MeetingSeries[]>;
  save(series: MeetingSeries): Promise<MeetingSeries>;
  update(forumId: string, id: string, change: (current: MeetingSeries) => MeetingSeries): Promise<MeetingSeries>;
  delete(forumId: string, id: string): Promise<void>;
}

/** Occurrences that differ from their series (moved, cancelled) and one-off meetings. */
export interface MeetingRepository {
  findById(forumId: string, id: string): Promise<Meeting | undefined>;
  listByForum(forumId: string): Promise<Meeting[]>;
  save(meeting: Meeting): Promise<Meeting>;
  update(forumId: string, id: string, change: (current: Meeting) => Meeting): Promise<Meeting>;
  delete(forumId: string, id: string): Promise<void>;
}
