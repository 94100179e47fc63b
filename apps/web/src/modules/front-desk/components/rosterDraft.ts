import type { DutyGroup, Roster, RosterDay, RosterInput } from '../dutyApi';

export type CellStatus = 'off' | 'on' | 'absent';
/** date → userId → status (missing: off). */
export type RosterDraft = Record<string, Record<number, CellStatus>>;

export const NEXT_STATUS: Record<CellStatus, CellStatus> = { off: 'on', on: 'absent', absent: 'off' };

export interface RosterRow {
  userId: number;
  name: string;
  inGroup: boolean;
}

/** The grid's rows: the group's members in rotation order, then people rostered who left the group. */
export function rosterRows(group: DutyGroup, roster: Roster | undefined): RosterRow[] {
  const rows: RosterRow[] = group.members.map((m) => ({ userId: m.userId, name: m.name, inGroup: true }));
  for (const day of roster?.days ?? []) {
    for (const m of day.members) {
      if (!rows.some((r) => r.userId === m.userId)) rows.push({ userId: m.userId, name: m.name, inGroup: false });
    }
  }
  return rows;
}

export function draftOf(roster: Roster | undefined): RosterDraft {
  const draft: RosterDraft = {};
  for (const day of roster?.days ?? []) {
    draft[day.date] = {};
    for (const m of day.members) draft[day.date][m.userId] = m.absent ? 'absent' : 'on';
  }
  return draft;
}

function dayMembers(rows: RosterRow[], day: Record<number, CellStatus> | undefined) {
  return rows
    .filter((r) => (day?.[r.userId] ?? 'off') !== 'off')
    .map((r) => ({ userId: r.userId, absent: day?.[r.userId] === 'absent' }));
}

/**
 * The PUTs that turn `saved` into `draft`: changed dates grouped by identical member lists
 * (the roster API sets one list of people, in rotation order, for a set of dates).
 */
export function rosterChanges(rows: RosterRow[], saved: RosterDraft, draft: RosterDraft, dates: string[]) {
  const byList = new Map<string, RosterInput>();
  for (const date of dates) {
    const members = dayMembers(rows, draft[date]);
    if (JSON.stringify(members) === JSON.stringify(dayMembers(rows, saved[date]))) continue;
    const key = JSON.stringify(members);
    const entry = byList.get(key) ?? { dates: [], members };
    entry.dates.push(date);
    byList.set(key, entry);
  }
  return [...byList.values()];
}

/** Who receives the day's next new visitor: the first present member after the last one assigned. */
export function nextOnDuty(day: RosterDay | undefined): number | null {
  if (!day) return null;
  const present = day.members.filter((m) => !m.absent && m.active);
  const last = day.members.find((m) => m.userId === day.lastUserId)?.position ?? null;
  return (present.find((m) => last === null || m.position > last) ?? present[0])?.userId ?? null;
}
